/**
 * The text of a relative-time label and the moment it next changes.
 *
 * The rule that lets one scheduler serve a whole page cheaply: an item reads "now" for its first
 * 60 seconds; after that it counts wall-clock minute boundaries passed since it was published, and
 * hours and days are built from those minutes (floored, never rounded up). So every label on a page
 * changes at the same instant, on the minute, and the page wakes about once a minute at most.
 */

import { cached } from '../i18n/intl-cache.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A timestamp up to this far in the future reads as "now": readers' clocks drift. */
export const CLOCK_SKEW_TOLERANCE = 5 * MINUTE;
/** Past this age a label shows the date instead. */
export const DEFAULT_THRESHOLD = 7 * DAY;

export interface LabelOptions {
  /** BCP 47 language tag. */
  lang: string;
  /** IANA time zone for absolute dates; the reader's own when absent. */
  timeZone?: string | undefined;
  /** Age (ms) from which the label shows an absolute date; rounded down to whole minutes. */
  threshold?: number | undefined;
}

export interface RelativeLabel {
  /** What the reader sees: "13 minuten geleden", "nu", "27 nov 2026, 12:00". */
  readonly text: string;
  /** Epoch ms at which `text` changes next; Infinity when it never does. */
  readonly nextChangeAt: number;
}

/** A language Intl accepts: a malformed `lang` attribute must not throw on the host page. */
export function supportedLang(lang: string | undefined): string {
  if (!lang) return 'en';
  return cached(`l|${lang}`, () => {
    try {
      return Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      return 'en';
    }
  });
}

function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

const relative = (lang: string, numeric: 'auto' | 'always') =>
  cached(`r|${lang}|${numeric}`, () => new Intl.RelativeTimeFormat(lang, { numeric }));

function dateFormat(lang: string, timeZone: string | undefined, full: boolean): Intl.DateTimeFormat {
  return cached(`d|${lang}|${timeZone ?? ''}|${full}`, () => {
    const zone = validTimeZone(timeZone);
    const options: Intl.DateTimeFormatOptions = full
      ? { dateStyle: 'full', timeStyle: 'short' }
      : { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
    return new Intl.DateTimeFormat(lang, zone ? { ...options, timeZone: zone } : options);
  });
}

/**
 * The full date and time, for a label's title and assistive technology. It depends on the
 * timestamp, not on now: a label's title is written when the label is, never on a tick.
 */
export const fullDate = (time: number, options: LabelOptions): string =>
  dateFormat(supportedLang(options.lang), options.timeZone, true).format(time);

export function relativeLabel(published: number, now: number, options: LabelOptions): RelativeLabel {
  const lang = supportedLang(options.lang);
  if (!Number.isFinite(published)) return { text: '', nextChangeAt: Infinity };
  const absolute = () => dateFormat(lang, options.timeZone, false).format(published);
  const elapsed = now - published;

  if (elapsed < -CLOCK_SKEW_TOLERANCE) {
    return { text: absolute(), nextChangeAt: published - CLOCK_SKEW_TOLERANCE };
  }
  if (elapsed < MINUTE) {
    return { text: relative(lang, 'auto').format(0, 'second'), nextChangeAt: published + MINUTE };
  }

  const publishedMinute = Math.floor(published / MINUTE);
  const minutes = Math.floor(now / MINUTE) - publishedMinute;
  const thresholdMinutes = Math.floor((options.threshold ?? DEFAULT_THRESHOLD) / MINUTE);
  if (minutes >= thresholdMinutes) return { text: absolute(), nextChangeAt: Infinity };

  // The text changes when the count in its unit goes up, or when the threshold is reached.
  const [value, unit, unitMinutes] =
    minutes < 60
      ? [minutes, 'minute', 1]
      : minutes < 24 * 60
        ? [Math.floor(minutes / 60), 'hour', 60]
        : [Math.floor(minutes / (24 * 60)), 'day', 24 * 60];
  const nextMinuteCount = Math.min((value + 1) * unitMinutes, thresholdMinutes);
  return {
    text: relative(lang, 'always').format(-value, unit as Intl.RelativeTimeFormatUnit),
    nextChangeAt: (publishedMinute + nextMinuteCount) * MINUTE,
  };
}
