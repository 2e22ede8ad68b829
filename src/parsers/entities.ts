/**
 * Character references as HTML decodes them, for feed text and attributes.
 *
 * Named references: the HTML 4 set (the 253 names feeds actually carry, including Greek, arrows,
 * maths and card suits) plus XML's `&apos;`. HTML's full table has 2,231 names, mostly mathematical
 * and rarely seen in feeds; its size in the embed would dwarf the parsers, so unknown names are left
 * as written rather than guessed. The table is stored as runs of consecutive code points
 * ("hex:name name _ name", "_" skipping one) and built on first use.
 */
const RUNS =
  '22:quot,26:amp apos,3C:lt _ gt,A0:nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml,152:OElig oelig,160:Scaron scaron,178:Yuml,192:fnof,2C6:circ,2DC:tilde,3D1:thetasym upsih,3D6:piv,2002:ensp emsp,2009:thinsp,200C:zwnj zwj lrm rlm,2013:ndash mdash,2018:lsquo rsquo sbquo _ ldquo rdquo bdquo,2020:dagger Dagger bull,2026:hellip,2030:permil,2032:prime Prime,2039:lsaquo rsaquo,203E:oline,2044:frasl,20AC:euro,2111:image,2118:weierp,211C:real,2122:trade,2135:alefsym,2190:larr uarr rarr darr harr,21B5:crarr,21D0:lArr uArr rArr dArr hArr,2200:forall _ part exist _ empty _ nabla isin notin _ ni,220F:prod _ sum minus,2217:lowast,221A:radic _ _ prop infin _ ang,2227:and or cap cup int,2234:there4,223C:sim,2245:cong,2248:asymp,2260:ne equiv _ _ le ge,2282:sub sup nsub _ sube supe,2295:oplus _ otimes,22A5:perp,22C5:sdot,2308:lceil rceil lfloor rfloor,25CA:loz,2660:spades _ _ clubs _ hearts diams,27E8:lang rang';
// Greek capitals from U+0391; the small letters follow at U+03B1, with final sigma in the capitals' gap.
const GREEK =
  'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega';

let named: Map<string, string> | undefined;

function table(): Map<string, string> {
  const map = new Map<string, string>();
  const run = (start: number, names: string) =>
    names.split(' ').forEach((name, i) => name !== '_' && map.set(name, String.fromCodePoint(start + i)));
  for (const entry of RUNS.split(',')) {
    const [start, names] = entry.split(':') as [string, string];
    run(Number.parseInt(start, 16), names);
  }
  run(0x391, GREEK);
  run(0x3b1, GREEK.toLowerCase().replace('_', 'sigmaf'));
  return map;
}

// References 128–159 name Windows-1252 characters in HTML (`&#146;` is ’), as the Encoding standard decodes those bytes.
const windows1252 = new TextDecoder('windows-1252');

// No capturing groups: the callback reads the reference itself, which halves the cost per reference
// (a text of nothing but unknown references must still cost no more than 3x a normal feed).
const REFERENCE = /&(?:#\d{1,8}|#x[\da-f]{1,7}|[a-z_:][\w.:-]{0,31});/gi;

/**
 * The general entities a document declares in its internal DTD subset (`<!ENTITY id "tag:example.com,">`),
 * and how many characters their expansions may still add: at most the document's own length, so a
 * "billion laughs" costs linear time and bounded output. A reference whose value no longer fits stays
 * as written. Names are read as the reference pattern has them: up to 32 ASCII letters, digits, "_", ".", ":" and "-".
 */
export interface DeclaredEntities {
  readonly names: Map<string, string>;
  budget: number;
}

function decodeReference(declared: DeclaredEntities | undefined, reference: string): string {
  if (reference[1] !== '#') {
    const name = reference.slice(1, -1);
    const value = declared?.names.get(name);
    // HTML's names first: XML tells authors to declare `lt` and `amp` escaped twice ("&#38;#60;"),
    // which one decoding would leave as "&#60;". An expansion past the budget is left as written.
    return (
      (named ??= table()).get(name) ??
      (value !== undefined && value.length <= declared!.budget ? ((declared!.budget -= value.length), value) : reference)
    );
  }
  // "&#146;" or "&#x92;": "0146" and "0x92" are both numbers to Number(), below 2^31 (8 digits, or 7 hex).
  const code = Number(`0${reference.slice(2, -1)}`);
  // 128–159 are exactly the codes with code >> 5 === 4.
  if (code >> 5 === 4) return windows1252.decode(new Uint8Array([code]));
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

export function decodeEntities(text: string, declared?: DeclaredEntities): string {
  const decode = decodeReference.bind(undefined, declared);
  // In pieces of 50,000 characters, each cut before a "&" (a reference never holds one; with no "&"
  // after it, to the end). V8 gathers every match of a replace, with an array of arguments each,
  // before it calls back: on a megabyte text that costs more per reference the longer the text.
  let result = '';
  for (let start = 0, end; start < text.length; start = end) {
    end = text.indexOf('&', start + 5e4) >>> 0;
    result += text.slice(start, end).replace(REFERENCE, decode);
  }
  return result;
}
