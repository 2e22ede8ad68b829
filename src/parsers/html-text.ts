/**
 * Reduces HTML from a feed to plain text without handing it to the DOM: under a host's Trusted
 * Types enforcement every string-to-DOM API throws, and feed HTML must never reach a live document.
 * Tags are dropped (block tags become spaces), the contents of script-like elements and comments are
 * dropped, character references are decoded, and white space is folded.
 */

// Comments, CDATA, raw-text elements with their contents, ordinary tags, and declarations.
// Each alternative starts with a distinct prefix, so matching stays linear on hostile input.
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<(script|style|template|noscript|iframe|object|svg|math|head|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?(?:<\/\2\s*>|$)|<\/?([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*(?:>|$)|<[!?][^>]*(?:>|$)/g;

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

// Named references seen in real feeds; the full HTML table is 2,000 names and would cost the embed
// more bytes than it earns. Unknown names are left as written.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  hellip: '…',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sect: '§',
  para: '¶',
  dagger: '†',
  Dagger: '‡',
  permil: '‰',
  prime: '′',
  iexcl: '¡',
  iquest: '¿',
  ordf: 'ª',
  ordm: 'º',
  micro: 'µ',
  szlig: 'ß',
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  fnof: 'ƒ',
  circ: 'ˆ',
  tilde: '˜',
  minus: '−',
};
// Latin-1 letters follow one pattern: a base letter and an accent name.
const ACCENTS: Record<string, [string, string]> = {
  grave: ['AEIOUaeiou', 'ÀÈÌÒÙàèìòù'],
  acute: ['AEIOUYaeiouy', 'ÁÉÍÓÚÝáéíóúý'],
  circ: ['AEIOUaeiou', 'ÂÊÎÔÛâêîôû'],
  tilde: ['ANOano', 'ÃÑÕãñõ'],
  uml: ['AEIOUaeiouy', 'ÄËÏÖÜäëïöüÿ'],
  ring: ['Aa', 'Åå'],
  cedil: ['Cc', 'Çç'],
  slash: ['Oo', 'Øø'],
};
for (const [accent, [bases, letters]] of Object.entries(ACCENTS)) {
  [...bases].forEach((base, i) => (NAMED[base + accent] = letters[i]!));
}
Object.assign(NAMED, { AElig: 'Æ', aelig: 'æ', ETH: 'Ð', eth: 'ð', THORN: 'Þ', thorn: 'þ' });

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

// C0/C1 controls other than white space never belong in a headline.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Folds white space and removes control characters from text that is already plain. */
export function cleanText(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

export function htmlToText(html: string): string {
  const text = html.replace(MARKUP, (_whole, cdata?: string, _raw?: string, tag?: string) => {
    if (cdata !== undefined) return cdata.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
    return tag !== undefined && INLINE.has(tag.toLowerCase()) ? '' : ' ';
  });
  return cleanText(decodeEntities(text));
}
