/**
 * Splits a wire dateline off an item's text: "CRANS-MONTANA (ANP/AFP) - De burgemeester …" gives
 * place "CRANS-MONTANA", agencies ["ANP", "AFP"] and the text after the dash.
 * Places are written in capitals and may hold spaces, hyphens, dots and apostrophes
 * ("DEN HAAG", "'S-HERTOGENBOSCH", "ST. LOUIS"), and may be followed by a region of one or two words
 * as AP writes it ("KYIV, Ukraine (AP) — …", "SAN JUAN, Puerto Rico"), which stays with the place; an
 * ordinary sentence never matches (nor a headline "NASA, Boeing Delay Starliner Launch (VIDEO) - …").
 */
// Few Unicode property classes, each written once where it can be: V8 builds every `\p{…}` from ICU's
// tables when the pattern is first used (the eighteen of an earlier pattern cost the embed's first
// task 13 ms at 4x CPU). A place's words are joined by a separator before a capital. Each repetition
// starts where the one before must end (a separator only before a capital, a "/" only before a
// letter), so a failing match gives back each step once: linear time (the parse bench's "dateline of
// capitals that never ends"). Every class is in brackets, so that ASCII_DATELINE can swap in ranges.
export const DATELINE =
  /^\s*(['’]?[\p{Lu}](?:[\p{Lu}\p{M}'’.]|[ \-–](?=[\p{Lu}]))*(?:,(?: [\p{Lu}][\p{L}\p{M}.]*){1,2})?)\s*\(\s*([\p{L}](?:[\p{L}\p{N}.&]|\s*\/\s*(?=[\p{L}]))*)\s*\)\s*[-–—]\s*/u;

/** What each property class holds in ASCII. */
const ASCII: Record<string, string> = { Lu: 'A-Z', L: 'A-Za-z', M: '', N: '0-9' };

/**
 * DATELINE for ASCII text (with ’ – —), as most wire datelines are: its classes as ranges, whose
 * first use costs a tenth (0.2 against 1.9 ms for 50 matches in a fresh page). On such text both
 * find the same dateline, or none; only text with other characters needs DATELINE.
 */
const ASCII_DATELINE = new RegExp(DATELINE.source.replace(/\\p\{(\w+)\}/g, (_, name: string) => ASCII[name]!));
const BEYOND_ASCII = /[^\0-\x7f’–—]/;

export interface Dateline {
  place?: string;
  agencies: string[];
  text: string;
}

export function parseDateline(text: string): Dateline {
  const match = ASCII_DATELINE.exec(text) ?? (BEYOND_ASCII.test(text) ? DATELINE.exec(text) : null);
  if (!match) return { agencies: [], text };
  const rest = text.slice(match[0].length);
  if (rest === '') return { agencies: [], text };
  return {
    place: match[1]!,
    agencies: match[2]!.split('/').map((agency) => agency.trim()),
    text: rest,
  };
}

/** The dateline as the seed writes it: "DOHA (ANP/AFP)". */
export function formatDateline(place: string | undefined, agencies: readonly string[]): string {
  if (!place) return agencies.length ? `(${agencies.join('/')})` : '';
  return agencies.length ? `${place} (${agencies.join('/')})` : place;
}
