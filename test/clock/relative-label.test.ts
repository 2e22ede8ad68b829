import { expect } from '@open-wc/testing';
import { DAY, fullDate, HOUR, MINUTE, relativeLabel } from '../../src/clock/relative-label.js';

const at = (iso: string) => Date.parse(iso);
// Published on a minute boundary, and 30 s past one: minutes count wall-clock minute boundaries.
const P = at('2026-11-27T12:00:00Z');
const P30 = at('2026-11-27T12:00:30Z');

type Row = [label: string, published: number, now: number, nl: string, en: string];
const table: Row[] = [
  ['just published', P, P, 'nu', 'now'],
  ['59 s', P, P + 59_999, 'nu', 'now'],
  ['60 s', P, P + MINUTE, '1 minuut geleden', '1 minute ago'],
  ['60 s, mid-minute', P30, P30 + MINUTE, '1 minuut geleden', '1 minute ago'],
  ['2 boundaries after 61 s', P30, at('2026-11-27T12:02:00Z'), '2 minuten geleden', '2 minutes ago'],
  ['13 min, never rounded up', P, P + 13 * MINUTE + 59_999, '13 minuten geleden', '13 minutes ago'],
  ['59 min', P, P + 60 * MINUTE - 1, '59 minuten geleden', '59 minutes ago'],
  ['60 min', P, P + HOUR, '1 uur geleden', '1 hour ago'],
  ['1 h 59 min', P, P + 2 * HOUR - 1, '1 uur geleden', '1 hour ago'],
  ['2 h', P, P + 2 * HOUR, '2 uur geleden', '2 hours ago'],
  ['23 h 59 min', P, P + DAY - 1, '23 uur geleden', '23 hours ago'],
  ['24 h', P, P + DAY, '1 dag geleden', '1 day ago'],
  ['47 h 59 min', P, P + 2 * DAY - 1, '1 dag geleden', '1 day ago'],
  ['6 days 23 h', P, P + 7 * DAY - MINUTE, '6 dagen geleden', '6 days ago'],
  ['4 min in the future (clock skew)', P, P - 4 * MINUTE, 'nu', 'now'],
];

describe('relativeLabel', () => {
  for (const [name, published, now, nl, en] of table) {
    it(`${name}: "${nl}" / "${en}"`, () => {
      expect(relativeLabel(published, now, { lang: 'nl' }).text).to.equal(nl);
      expect(relativeLabel(published, now, { lang: 'en' }).text).to.equal(en);
    });
  }

  it('speaks other languages through Intl', () => {
    expect(relativeLabel(P, P + 13 * MINUTE, { lang: 'de' }).text).to.equal('vor 13 Minuten');
    expect(relativeLabel(P, P + 13 * MINUTE, { lang: 'fr-BE' }).text).to.equal('il y a 13 minutes');
    expect(relativeLabel(P, P, { lang: 'ar' }).text).to.equal('الآن');
  });

  it('falls back to English for a malformed lang', () => {
    expect(relativeLabel(P, P + HOUR, { lang: 'not a language!' }).text).to.equal('1 hour ago');
  });

  it('shows a date past the threshold, in the given time zone', () => {
    const label = relativeLabel(P, P + 7 * DAY, { lang: 'nl', timeZone: 'Europe/Amsterdam' });
    expect(label.text).to.contain('27 nov').and.contain('13:00');
    expect(label.nextChangeAt).to.equal(Infinity);
    expect(relativeLabel(P, P + 7 * DAY, { lang: 'en', timeZone: 'America/New_York' }).text).to.contain('07:00');
    expect(relativeLabel(P, P + 2 * HOUR, { lang: 'nl', threshold: 2 * HOUR, timeZone: 'UTC' }).text).to.contain('12:00');
  });

  it('shows a date for a timestamp far in the future', () => {
    const label = relativeLabel(P, P - HOUR, { lang: 'nl', timeZone: 'UTC' });
    expect(label.text).to.contain('12:00');
    expect(label.nextChangeAt).to.equal(P - 5 * MINUTE);
  });

  it('counts elapsed time across a DST change, and dates it in local time', () => {
    // Europe/Amsterdam springs forward at 01:00 UTC on 29 March 2026 (02:00 CET → 03:00 CEST).
    const before = at('2026-03-29T00:30:00Z'); // 01:30 CET
    const after = at('2026-03-29T02:30:00Z'); // 04:30 CEST: three hours later on the wall, two in fact
    expect(relativeLabel(before, after, { lang: 'nl', timeZone: 'Europe/Amsterdam' }).text).to.equal('2 uur geleden');
    const options = { lang: 'nl', timeZone: 'Europe/Amsterdam', threshold: HOUR };
    expect(relativeLabel(before, after, options).text).to.contain('01:30');
    expect(relativeLabel(at('2026-03-29T01:30:00Z'), after, options).text).to.contain('03:30');
    // Autumn: 25 October 2026, 03:00 CEST → 02:00 CET; 90 minutes pass, the wall shows 30.
    expect(
      relativeLabel(at('2026-10-25T00:30:00Z'), at('2026-10-25T02:00:00Z'), { lang: 'en', timeZone: 'Europe/Amsterdam' }).text,
    ).to.equal('1 hour ago');
  });

  it('gives the full date and time for the title', () => {
    const title = fullDate(P, { lang: 'nl', timeZone: 'Europe/Amsterdam' });
    expect(title).to.contain('vrijdag 27 november 2026').and.contain('13:00');
    expect(fullDate(P, { lang: 'en', timeZone: 'America/New_York' }))
      .to.contain('November 27, 2026')
      .and.contain('7:00');
  });

  describe('next change', () => {
    it('is a minute after publication while "now"', () => {
      expect(relativeLabel(P30, P30 + 10_000, { lang: 'nl' }).nextChangeAt).to.equal(P30 + MINUTE);
    });
    it('is the next minute boundary while counting minutes', () => {
      expect(relativeLabel(P30, at('2026-11-27T12:13:40Z'), { lang: 'nl' }).nextChangeAt).to.equal(at('2026-11-27T12:14:00Z'));
    });
    it('is the next whole hour since publication while counting hours', () => {
      expect(relativeLabel(P30, at('2026-11-27T13:20:00Z'), { lang: 'nl' }).nextChangeAt).to.equal(at('2026-11-27T14:00:00Z'));
    });
    it('is the threshold when that comes first', () => {
      expect(relativeLabel(P, P + 6 * DAY + HOUR, { lang: 'nl' }).nextChangeAt).to.equal(P + 7 * DAY);
    });
    it('is never for an unreadable time', () => {
      expect(relativeLabel(Number.NaN, P, { lang: 'nl' })).to.deep.equal({ text: '', nextChangeAt: Infinity });
    });
  });
});
