/**
 * The one date reader for feeds, instead of `Date.parse`, whose leniency differs between browsers and
 * which reads a date without a zone in the reader's own zone (so readers in different countries would
 * see different labels). It reads:
 *
 * - RFC 822 / 1123 as RSS writes it, and as CMSs really write it: "Fri, 27 Nov 2026 12:00:00 +0100",
 *   two-digit years, no seconds, no time, day and month names in English, Dutch, German, French,
 *   Spanish, Portuguese and Italian ("Seg, 24 Set 2018 19:42:40 -0300", "di, 03 mrt 2026"),
 *   named zones (UT, GMT, US zones, `ET`/`PT`-style, common European ones, RFC 822's military letters,
 *   `Etc/GMT+5`) and numeric offsets;
 * - ISO 8601 / W3C-DTF: "2026-11-27T12:00:00Z", "2026-11-27", "2026-11", "2026", and "2020/1/10 14:33:00".
 *
 * A date without a zone is UTC. Returns epoch ms, or NaN when the text is not a date it can read.
 */

// Month names by their distinctive start, after accents are dropped ("mär" → "mar", "août" → "aout").
const MONTHS =
  'jan ene gen|feb fev|mar maa mrt|apr avr abr|may mei mai mag|jun giu juin|jul lug juil|aug ago aou|sep set|oct okt ott out|nov|dec dez dic'
    .split('|')
    .map((names) => names.split(' '));

// Hours east of UTC. US zones as RFC 822 lists them, their DST-less short forms, and zones feeds write anyway.
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  EST: -5,
  EDT: -4,
  ET: -5,
  CST: -6,
  CDT: -5,
  CT: -6,
  MST: -7,
  MDT: -6,
  MT: -7,
  PST: -8,
  PDT: -7,
  PT: -8,
  AKST: -9,
  AKDT: -8,
  HST: -10,
  BRT: -3,
  ART: -3,
  BST: 1,
  CET: 1,
  MET: 1,
  MEZ: 1,
  WEST: 1,
  CEST: 2,
  MEST: 2,
  MESZ: 2,
  EET: 2,
  EEST: 3,
  MSK: 3,
  IST: 5.5,
  JST: 9,
  KST: 9,
  AEST: 10,
  AEDT: 11,
  NZST: 12,
  NZDT: 13,
};

const RFC822 = /^\D*?(\d{1,2})[\s.-]*([^\d\s.,-]{3,})\.?[\s,-]*(\d{4}|\d{2})(?![\d:])(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;
const ISO = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?\s*(.*)$/;
const OFFSET = /^(?:(?:UTC|GMT|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

function monthOf(word: string): number {
  const plain = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return MONTHS.findIndex((names) => names.some((name) => plain.startsWith(name)));
}

/** Minutes east of UTC for a zone as feeds write it, or NaN. An empty zone is UTC. */
function zoneOffset(zone: string): number {
  // "+0000 (UTC)" carries a comment; "(CET)" is only one.
  const comment = /^(.*?)\s*\(([^()]*)\)$/.exec(zone.trim());
  const text = comment ? comment[1] || comment[2]! : zone.trim();
  if (text === '') return 0;
  const upper = text.toUpperCase();
  const named = ZONES[upper];
  if (named !== undefined) return named * 60;
  const offset = OFFSET.exec(upper);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return offset[1] === '-' ? -minutes : minutes;
  }
  // POSIX names count the other way: Etc/GMT+5 is five hours behind UTC.
  const etc = /^ETC\/(?:GMT|UTC)(?:([+-])(\d{1,2}))?$/.exec(upper);
  if (etc) return etc[1] === '+' ? -Number(etc[2]) * 60 : Number(etc[2] ?? 0) * 60;
  // RFC 822's military zones, as written there: A–I and K–M west, N–Y east.
  if (/^[A-IK-Y]$/.test(upper)) {
    const code = upper.charCodeAt(0);
    return (code <= 73 ? -(code - 64) : code <= 77 ? -(code - 65) : code - 77) * 60;
  }
  return Number.NaN;
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0, zone = ''): number {
  const offset = zoneOffset(zone);
  if (month < 0 || month > 11 || day < 1 || hour > 24 || minute > 59 || second > 60 || Number.isNaN(offset)) return Number.NaN;
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  if (date.getUTCDate() !== day) return Number.NaN; // 30 February
  return date.getTime() + ((hour * 60 + minute - offset) * 60 + Math.min(second, 59)) * 1000 + ms;
}

export function parseFeedDate(value: string | undefined): number {
  // Real dates are short; a cap keeps every pattern's work bounded whatever a feed sends.
  const text = value?.trim().slice(0, 120);
  if (!text) return Number.NaN;
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, month = '1', day = '1', hour, minute, second, fraction = '', zone = ''] = iso;
    const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
    return utc(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), ms, zone);
  }
  const rfc = RFC822.exec(text);
  if (!rfc) return Number.NaN;
  const [, day, monthName, yearText, hour, minute, second, zone = ''] = rfc as unknown as string[];
  let year = Number(yearText);
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
  return utc(year, monthOf(monthName!), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), 0, zone);
}
