// @ts-check
/**
 * Writes the README's API reference from custom-elements.json, between the markers
 * <!-- api:start --> and <!-- api:end -->, so the two never drift apart. `--check` only compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** @param {string} text */
const cell = (text) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** @param {any} manifest */
export function apiReference(manifest) {
  const elements = manifest.modules
    .flatMap((/** @type {any} */ module) => module.declarations ?? [])
    .filter((/** @type {any} */ declaration) => declaration.customElement);
  const order = ['live-ticker', 'live-ticker-item', 'live-ticker-time'];
  elements.sort((/** @type {any} */ a, /** @type {any} */ b) => order.indexOf(a.tagName) - order.indexOf(b.tagName));
  const out = ['<!-- Generated from custom-elements.json by scripts/readme-api.mjs (npm run build); edit the JSDoc, not this. -->'];
  for (const element of elements) {
    out.push('', `### \`<${element.tagName}>\``, '', cell(element.summary));
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
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${reference}\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8');
  const next = withReference(readme, apiReference(JSON.parse(readFileSync('custom-elements.json', 'utf8'))));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md API reference is out of date: run `npm run build`.');
      process.exit(1);
    }
  } else if (next !== readme) writeFileSync('README.md', next);
}
