/** RSS (0.90 to 2.0, also RDF) and Atom (1.0 and 0.3), read with the small XML reader into normalised items. */
import { safeHttpUrl } from '../text/safe-url.js';
import { cleanText, htmlToText, INLINE } from './html-text.js';
import type { TickerItemInput } from '../model.js';
import { toTickerItem, type ItemContext } from './item.js';
import { collectItems, FeedParseError, type ParsedFeed } from './parsed-feed.js';
import { attribute, childElement, childElements, childText, NS, textContent, type XmlElement } from './xml.js';

/** An element's base URL: its `xml:base` resolved against its parent's. */
function baseOf(element: XmlElement, parentBase: string | undefined): string | undefined {
  const base = element.attributes['xml:base'];
  return base === undefined ? parentBase : (safeHttpUrl(base, parentBase) ?? parentBase);
}

const trimmed = (text: string | undefined) => text?.trim() || undefined;

/** The text of the first of these child elements that is there: a core element, then the extensions that stand in for it. */
const firstText = (parent: XmlElement, ...names: [ns: string, local: string][]) =>
  names.map(([ns, local]) => childText(parent, ns, local)).find((text) => text !== undefined);

/** Whether a media element or an enclosure is a picture: by its medium, else its type; a bare `media:content` usually is one. */
const isImage = ({ attributes: { medium, type } }: XmlElement, bare: boolean) =>
  medium ? medium === 'image' : type ? /^image\//i.test(type) : bare;

/**
 * An entry's picture: a `media:thumbnail`, else an image `media:content` (also inside `media:group`),
 * else an `enclosure` (RSS) or `rel="enclosure"` link (Atom) of an image type.
 */
function imageOf(entry: XmlElement, enclosures: XmlElement[]): TickerItemInput['image'] {
  const media = [entry, ...childElements(entry, NS.media, 'group')];
  const chosen =
    media.flatMap((parent) => childElements(parent, NS.media, 'thumbnail'))[0] ??
    media.flatMap((parent) => childElements(parent, NS.media, 'content')).find((candidate) => isImage(candidate, true)) ??
    enclosures.find((candidate) => isImage(candidate, false));
  if (!chosen) return undefined;
  const { url, href, width, height } = chosen.attributes;
  return { url: (url ?? href)!, width, height, alt: childText(chosen, NS.media, 'description') };
}

/** A feed's older page: RFC 5005's `next` or `prev-archive` link, resolved. */
function nextPage(links: XmlElement[], base: string | undefined): string | undefined {
  const link = links.find(({ attributes: { rel } }) => rel === 'next' || rel === 'prev-archive');
  return safeHttpUrl(link?.attributes.href, link && baseOf(link, base));
}

// A document cut off inside an entry (a dropped connection, a size-capped proxy) leaves it incomplete.
const CUT_OFF = 'the document ends inside it';

/**
 * RSS 2.0 `<rss><channel><item>…` (also with a namespace of its own, as some CMSs write it), and
 * RSS 1.0 and 0.90, where items sit beside the channel.
 */
export function parseRss(root: XmlElement, context: ItemContext = {}): ParsedFeed {
  const channel = childElements(root).find((child) => child.local === 'channel');
  if (!channel) throw new FeedParseError('not an RSS feed: no <channel>');
  // Core elements are in the channel's namespace: none for RSS 2.0, RSS 1.0's or 0.90's for RDF.
  // Extensions are found by their namespace URI, whatever the prefix, and only stand in for a core
  // element that is missing (Dublin Core's title, description and dates).
  const core = channel.ns;
  const text = (parent: XmlElement, local: string) => childText(parent, core, local);
  const channelBase = baseOf(channel, baseOf(root, context.baseUrl)) ?? safeHttpUrl(text(channel, 'link'));
  const entries = [...childElements(channel, core, 'item'), ...childElements(root, core, 'item')];

  const guidOf = (entry: XmlElement) => childElement(entry, core, 'guid');
  // Without these, the item's id is derived from its resolved link, else its text.
  const idOf = (entry: XmlElement) => trimmed(textContent(guidOf(entry))) ?? trimmed(attribute(entry, 'about'));
  const linkOf = (entry: XmlElement): string | undefined => {
    const link = trimmed(text(entry, 'link'));
    if (link) return link;
    // A guid is a permalink unless it says otherwise; only an absolute URL can be one.
    const guid = guidOf(entry);
    const permalink = guid && attribute(guid, 'isPermaLink') !== 'false' ? trimmed(textContent(guid)) : undefined;
    if (permalink && /^https?:\/\//i.test(permalink)) return permalink;
    return atomLink(entry) ?? trimmed(attribute(entry, 'about'));
  };

  return collectItems(
    entries,
    (entry, itemContext) => {
      if (entry.cutOff) return CUT_OFF;
      const html = firstText(entry, [NS.content, 'encoded'], [core, 'description'], [NS.dc, 'description'], [NS.media, 'description']);
      const title = firstText(entry, [core, 'title'], [NS.dc, 'title']);
      return toTickerItem(
        {
          id: idOf(entry),
          published: firstText(entry, [core, 'pubDate'], [NS.dc, 'date'], [NS.dcterms, 'issued'], [NS.dcterms, 'modified']),
          // An edit, as Medium and WordPress plugins write it: shown as a correction.
          updated: firstText(entry, [NS.atom, 'updated'], [NS.dcterms, 'modified']),
          text: html !== undefined ? htmlToText(html) : '',
          title: title !== undefined ? htmlToText(title) : undefined,
          url: linkOf(entry),
          tags: [...childElements(entry, core, 'category'), ...childElements(entry, NS.dc, 'subject')].map(textContent),
          image: imageOf(entry, childElements(entry, core, 'enclosure')),
        },
        { ...itemContext, baseUrl: baseOf(entry, channelBase) },
      );
    },
    idOf,
    context,
    mapDefined(text(channel, 'title'), htmlToText),
    nextPage(childElements(channel, NS.atom, 'link'), channelBase),
  );
}

const mapDefined = <T, R>(value: T | undefined, map: (value: T) => R) => (value === undefined ? undefined : map(value));

/** Text of XHTML markup that the XML reader already decoded: decoding it again would eat "&lt;blink&gt;". */
function xhtmlText(node: XmlElement | string): string {
  if (typeof node === 'string') return node;
  if (/^(script|style|template)$/i.test(node.local)) return ' ';
  const inner = node.children.map(xhtmlText).join('');
  return INLINE.has(node.local.toLowerCase()) ? inner : ` ${inner} `;
}

/**
 * Text of an Atom text construct: `type="html"` (or an HTML media type) is escaped HTML, `type="xhtml"`
 * inline markup, else plain text. Atom 0.3 says how it is written in `mode`: inline `xml`, `escaped`,
 * or `base64`, which Atom 1.0 implies for a media type that is neither text nor XML (RFC 4287, 4.1.3.3).
 */
function atomText(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const { type = 'text', mode = 'xml' } = element.attributes;
  if (mode === 'xml' && (type === 'xhtml' || type.endsWith('+xml'))) return cleanText(xhtmlText(element));
  let text = textContent(element);
  if (mode === 'base64' || /^(?!text\/)[^/]+\/(?!.*xml)/i.test(type)) {
    try {
      text = new TextDecoder().decode((Uint8Array as unknown as { fromBase64(base64: string): Uint8Array }).fromBase64(text));
    } catch {
      // Not base64 after all (or an engine before Uint8Array.fromBase64): read as written.
    }
  }
  return /html/i.test(type) ? htmlToText(text) : text;
}

/** The entry's `rel="alternate"` Atom link (a link without `rel` is one), else its first, resolved against `xml:base`. */
function atomLink(entry: XmlElement, base?: string, atomNs: string = NS.atom): string | undefined {
  const links = childElements(entry, atomNs, 'link');
  const link = links.find((candidate) => (candidate.attributes.rel ?? 'alternate') === 'alternate') ?? links[0];
  const href = link?.attributes.href;
  return href === undefined ? undefined : (safeHttpUrl(href, baseOf(link!, base)) ?? href);
}

/** Atom 1.0 `<feed><entry>…`, and Atom 0.3, whose dates are `issued` and `modified`. */
export function parseAtom(root: XmlElement, context: ItemContext = {}): ParsedFeed {
  // The Atom namespace (1.0's or 0.3's), or none for a feed that forgot to declare it.
  const ns = root.ns;
  const feedBase = baseOf(root, context.baseUrl) ?? safeHttpUrl(atomLink(root, undefined, ns));
  const atom = (parent: XmlElement, local: string) => childElement(parent, ns, local);
  const idOf = (entry: XmlElement) => trimmed(childText(entry, ns, 'id')) ?? atomLink(entry, baseOf(entry, feedBase), ns);
  return collectItems(
    childElements(root, ns, 'entry'),
    (entry, itemContext) => {
      if (entry.cutOff) return CUT_OFF;
      const base = baseOf(entry, feedBase);
      return toTickerItem(
        {
          id: idOf(entry),
          published: firstText(entry, [ns, 'published'], [ns, 'issued'], [ns, 'updated'], [ns, 'modified']),
          updated: firstText(entry, [ns, 'updated'], [ns, 'modified']),
          // YouTube's channel feed says what a video is about only in its media:group.
          text:
            atomText(atom(entry, 'summary')) ??
            atomText(atom(entry, 'content')) ??
            atomText(childElement(childElement(entry, NS.media, 'group') ?? entry, NS.media, 'description')) ??
            '',
          title: atomText(atom(entry, 'title')),
          url: atomLink(entry, base, ns),
          // A category's term is what machines match; its label, where given, what editors wrote.
          tags: childElements(entry, ns, 'category').flatMap(({ attributes: { term = '', label = '' } }) => [term, label]),
          image: imageOf(
            entry,
            childElements(entry, ns, 'link').filter((link) => link.attributes.rel === 'enclosure'),
          ),
        },
        { ...itemContext, baseUrl: base },
      );
    },
    idOf,
    context,
    atomText(atom(root, 'title')),
    nextPage(childElements(root, ns, 'link'), feedBase),
  );
}
