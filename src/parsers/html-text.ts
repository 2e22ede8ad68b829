/**
 * Reduces HTML from a feed to plain text without handing it to the DOM: under a host's Trusted
 * Types enforcement every string-to-DOM API throws, and feed HTML must never reach a live document.
 * Tags are dropped (block tags become spaces), the contents of script-like elements and comments are
 * dropped, character references are decoded, and white space is folded.
 */
import { decodeEntities } from './entities.js';

// Comments, CDATA, raw-text elements with their contents, ordinary tags, and declarations. Each
// alternative starts with a distinct prefix and, once started, always matches (an unclosed quote or
// tag runs to the end of the text), so nothing backtracks and matching stays linear on hostile input.
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<(script|style|template|noscript|iframe|object|svg|math|head|title)\b(?:[^>"']|"[^"]*(?:"|$)|'[^']*(?:'|$))*(?:>|$)[\s\S]*?(?:<\/\2\s*>|$)|<\/?([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*(?:"|$)|'[^']*(?:'|$))*(?:>|$)|<[!?][^>]*(?:>|$)/g;

/** Tags that sit inside a line of text; any other tag separates words. */
export const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strong sub sup time u var wbr'.split(' '),
);

// C0/C1 controls other than white space never belong in a headline.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Folds white space and removes control characters from text that is already plain. The pattern
 * matches only what changes, so a clean text (every text is cleaned twice) comes back as it is; and
 * split and join build a flat string where V8 makes a replace's result a rope of pieces, two per
 * match, which on a megabyte text with a line break every few characters outweighs the text itself
 * many times over and costs more per character the longer the text.
 */
export function cleanText(text: string): string {
  return text
    .replace(CONTROLS, '')
    .split(/\s\s+|[^\S ]/)
    .join(' ')
    .trim();
}

export function htmlToText(html: string): string {
  // Split, not replaced with a function: V8 gathers every match of a replace, with an array of
  // arguments each, before it calls back, which on a megabyte of tags costs more per tag the longer
  // the text. The pieces: text, then the three groups of each match (CDATA contents, raw-text element,
  // tag name), then text …; CDATA needs only its "&" escaped, as references are all that is decoded next.
  const parts: (string | undefined)[] = html.split(MARKUP);
  let text = '';
  for (let i = 0; i < parts.length; i += 4) {
    const tag = parts[i + 3];
    // After the last text, a space that cleanText trims.
    text += parts[i]! + (parts[i + 1]?.replaceAll('&', '&amp;') ?? (tag && INLINE.has(tag.toLowerCase()) ? '' : ' '));
  }
  return cleanText(decodeEntities(text));
}
