/**
 * Splits a wire dateline off an item's text: "CRANS-MONTANA (ANP/AFP) - De burgemeester …" gives
 * place "CRANS-MONTANA", agencies ["ANP", "AFP"] and the text after the dash.
 * Places are written in capitals and may hold spaces, hyphens, dots and apostrophes
 * ("DEN HAAG", "'S-HERTOGENBOSCH", "ST. LOUIS"), and may be followed by a region of one or two words
 * as AP writes it ("KYIV, Ukraine (AP) — …", "SAN JUAN, Puerto Rico"), which stays with the place; an
 * ordinary sentence never matches (nor a headline "NASA, Boeing Delay Starliner Launch (VIDEO) - …").
 */
const DATELINE =
  /^\s*(['’]?\p{Lu}[\p{Lu}\p{M}'’.]*(?:[ \-–]\p{Lu}[\p{Lu}\p{M}'’.]*){0,5}(?:, \p{Lu}[\p{L}\p{M}.]*(?: \p{Lu}[\p{L}\p{M}.]*)?)?)\s*\(\s*(\p{L}[\p{L}\p{N}.&]{0,15}(?:\s*\/\s*\p{L}[\p{L}\p{N}.&]{0,15}){0,5})\s*\)\s*[-–—]\s*/u;

export interface Dateline {
  place?: string;
  agencies: string[];
  text: string;
}

export function parseDateline(text: string): Dateline {
  const match = DATELINE.exec(text);
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
