// @ts-check
/**
 * Writes the API reference from custom-elements.json, between the markers <!-- api:start --> and
 * <!-- api:end -->: the whole of it in docs/api.md, and the attributes with the names of the events,
 * parts and custom properties in the README, so neither drifts from the JSDoc. `--check` only compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** @param {string} text */
const cell = (text) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** The manifest's elements, the block first. @param {any} manifest @returns {any[]} */
function elementsOf(manifest) {
  const elements = manifest.modules
    .flatMap((/** @type {any} */ module) => module.declarations ?? [])
    .filter((/** @type {any} */ declaration) => declaration.customElement);
  const order = ['live-ticker', 'live-ticker-item', 'live-ticker-time'];
  return elements.sort((/** @type {any} */ a, /** @type {any} */ b) => order.indexOf(a.tagName) - order.indexOf(b.tagName));
}

const GENERATED = '<!-- Generated from custom-elements.json by scripts/readme-api.mjs (npm run build); edit the JSDoc, not this. -->';

/** The README's part: each element's attributes, and the names of the rest, linked to docs/api.md. @param {any} manifest */
export function apiSummary(manifest) {
  const out = [GENERATED];
  for (const element of elementsOf(manifest)) {
    out.push('', `### \`<${element.tagName}>\``, '', cell(element.summary));
    const attributes = element.attributes ?? [];
    if (attributes.length) {
      out.push('', '| attribute | default | description |', '|---|---|---|');
      for (const attribute of attributes) {
        out.push(
          `| \`${attribute.name}\` | ${attribute.default ? `\`${cell(attribute.default)}\`` : ''} | ${cell(attribute.description)} |`,
        );
      }
    }
    /** @param {string} title @param {any[] | undefined} list */
    const names = (title, list) => {
      if (list?.length) out.push('', `${title}: ${list.map((entry) => `\`${entry.name || '(default)'}\``).join(', ')}.`);
    };
    names('Events', element.events);
    names('Parts', element.cssParts);
    names('Custom properties', element.cssProperties);
    out.push('', `All of it, with properties and slots: [docs/api.md](docs/api.md#${element.tagName}).`);
  }
  return out.join('\n');
}

/** The whole reference, for docs/api.md. @param {any} manifest */
export function apiReference(manifest) {
  const out = [GENERATED];
  for (const element of elementsOf(manifest)) {
    out.push('', `## ${element.tagName}`, '', cell(element.summary));
    const attributes = element.attributes ?? [];
    const attributeFields = new Set(attributes.map((/** @type {any} */ attribute) => attribute.fieldName));
    const properties = (element.members ?? []).filter(
      (/** @type {any} */ member) =>
        member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !attributeFields.has(member.name),
    );
    if (attributes.length || properties.length) {
      out.push('', '| attribute | property | default | description |', '|---|---|---|---|');
      for (const attribute of attributes) {
        out.push(
          `| \`${attribute.name}\` | \`${attribute.fieldName}\` | ${attribute.default ? `\`${cell(attribute.default)}\`` : ''} | ${cell(attribute.description)} |`,
        );
      }
      for (const property of properties) out.push(`| — | \`${property.name}\` |  | ${cell(property.description)} |`);
    }
    /** @param {string} title @param {any[] | undefined} list @param {(entry: any) => string} name */
    const table = (title, list, name) => {
      if (!list?.length) return;
      out.push('', `| ${title} | description |`, '|---|---|');
      for (const entry of list) out.push(`| ${name(entry)} | ${cell(entry.description)} |`);
    };
    table('event', element.events, (event) => `\`${event.name}\``);
    table('slot', element.slots, (slot) => (slot.name ? `\`${slot.name}\`` : '(default)'));
    table('part', element.cssParts, (part) => `\`${part.name}\``);
    table('custom property', element.cssProperties, (property) => `\`${property.name}\``);
  }
  return out.join('\n');
}

/** @param {string} readme @param {string} reference */
export function withReference(readme, reference) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the page needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${reference}\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  let stale = false;
  /** @type {[file: string, reference: string][]} */
  const pages = [
    ['README.md', apiSummary(manifest)],
    ['docs/api.md', apiReference(manifest)],
  ];
  for (const [file, text] of pages) {
    const current = readFileSync(file, 'utf8');
    const next = withReference(current, text);
    if (next === current) continue;
    if (process.argv.includes('--check')) {
      console.error(`${file}: the API reference is out of date: run \`npm run build\`.`);
      stale = true;
    } else writeFileSync(file, next);
  }
  if (stale) process.exit(1);
}
