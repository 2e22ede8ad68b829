import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { DATELINE, formatDateline, parseDateline } from '../../src/text/dateline.js';
import { randomInt, seededRandom } from '../random.js';

describe('parseDateline', () => {
  const cases: [string, string | undefined, string[], string][] = [
    ['DOHA (ANP/AFP) - Qatar heeft 313 mensen', 'DOHA', ['ANP', 'AFP'], 'Qatar heeft 313 mensen'],
    ['WENEN (ANP) - De directeur', 'WENEN', ['ANP'], 'De directeur'],
    ['CRANS-MONTANA (ANP/AFP) - De burgemeester', 'CRANS-MONTANA', ['ANP', 'AFP'], 'De burgemeester'],
    ['DEN HAAG (ANP) - Het kabinet', 'DEN HAAG', ['ANP'], 'Het kabinet'],
    ["'S-HERTOGENBOSCH (ANP) - In Den Bosch", "'S-HERTOGENBOSCH", ['ANP'], 'In Den Bosch'],
    ['ISTANBUL (ANP/AFP/DPA) - In Istanbul', 'ISTANBUL', ['ANP', 'AFP', 'DPA'], 'In Istanbul'],
    ['GENÈVE (ANP/Reuters) – Een lang streepje', 'GENÈVE', ['ANP', 'Reuters'], 'Een lang streepje'],
    ['  LUIK  ( ANP / BELGA )  -  ruimte', 'LUIK', ['ANP', 'BELGA'], 'ruimte'],
    // AP's style: the region stays with the place.
    ['KYIV, Ukraine (AP) — Power was cut', 'KYIV, Ukraine', ['AP'], 'Power was cut'],
    ['NEW YORK, N.Y. (AP) — Stocks rose', 'NEW YORK, N.Y.', ['AP'], 'Stocks rose'],
    ['SAN JUAN, Puerto Rico (AP) — A storm', 'SAN JUAN, Puerto Rico', ['AP'], 'A storm'],
  ];
  for (const [input, place, agencies, text] of cases) {
    it(`splits "${input.slice(0, 28)}…"`, () => {
      expect(parseDateline(input)).to.deep.equal({ place, agencies, text });
    });
  }

  it('leaves ordinary sentences alone', () => {
    for (const text of [
      'Het kabinet (VVD/CDA) - een zin',
      'De EU (Brussel) - iets',
      'NAVO-top begint',
      'DOHA (ANP/AFP) - ',
      'Ik, Jan (AP) - nee',
      'DOHA, en verder (AP) - nee',
    ]) {
      expect(parseDateline(text)).to.deep.equal({ agencies: [], text });
    }
  });

  // Catastrophic backtracking would hang here until the test times out.
  it('finishes on hostile input', () => {
    const hostile = `${'A '.repeat(20_000)}(${'B/'.repeat(5000)}`;
    expect(parseDateline(hostile)).to.deep.equal({ agencies: [], text: hostile });
    const region = `KYIV, ${'Ukraine '.repeat(20_000)}(AP`;
    expect(parseDateline(region)).to.deep.equal({ agencies: [], text: region });
  });

  describe('an ASCII dateline is read without the Unicode pattern, which is costly to build', () => {
    afterEach(() => sinon.restore());

    it('and only text beyond ASCII (’ – — aside) needs it', () => {
      const full = sinon.spy(DATELINE, 'exec');
      expect(parseDateline('DOHA (ANP/AFP) – Qatar heeft “313” mensen, één van hen…')).to.include({ place: 'DOHA' });
      expect(parseDateline('Het kabinet ’s avonds — geen dateline').place).to.equal(undefined);
      expect(full.callCount, 'ASCII text').to.equal(0);
      expect(parseDateline('GENÈVE (ANP) - Een')).to.include({ place: 'GENÈVE' });
      expect(parseDateline('ŁÓDŹ (PAP) - Een')).to.include({ place: 'ŁÓDŹ' });
      expect(parseDateline('Geen dateline, wel één accent').place).to.equal(undefined);
      expect(full.callCount, 'text beyond ASCII').to.equal(3);
    });

    it('and finds what the Unicode pattern finds, on 20,000 generated texts', () => {
      const random = seededRandom(21);
      const pick = <T>(choices: readonly T[]) => choices[randomInt(random, choices.length)]!;
      const capitals = ['A', 'K', 'Y', 'É', 'Ø', 'Þ', 'Ł', 'Ж', 'Σ'];
      const word = (capital: boolean) =>
        Array.from({ length: 1 + randomInt(random, 5) }, () =>
          capital ? pick([...capitals, "'", '.', '’', '\u0301']) : pick(['a', 'z', 'é', 'ß', 'ł', 'ж', 'µ', 'ª']),
        ).join('');
      const noise = [
        'A',
        'a',
        'É',
        'ß',
        'Ł',
        'ª',
        '²',
        '½',
        '1',
        ' ',
        '-',
        '–',
        '—',
        '’',
        "'",
        '.',
        ',',
        '(',
        ')',
        '/',
        '&',
        '\u00a0',
        '\u2009',
      ];
      let datelines = 0;
      for (let i = 0; i < 20_000; i++) {
        let text = (random() < 0.1 ? "'" : '') + pick(capitals) + word(true);
        for (let n = randomInt(random, 3); n > 0; n--) text += pick([' ', '-', '–']) + pick(capitals) + word(true);
        if (random() < 0.3)
          for (let n = 1 + randomInt(random, 3), first = true; n > 0; n--, first = false)
            text += (first ? ', ' : ' ') + pick(capitals) + word(false);
        text += pick([' (', '(', '  ( ']) + pick(['ANP', 'AP', 'Ré', 'ΑΠΕ', 'T²', 'A&B', 'Ł.A']);
        for (let n = randomInt(random, 3); n > 0; n--) text += pick(['/', ' / ']) + pick(['AFP', 'dpa', 'Ж', 'X1']);
        text += pick([')', ' )']) + pick([' - ', ' – ', ' — ', '-', ' -']) + pick(['tekst', '', ' ']);
        const chars = [...text];
        for (let n = random() < 0.5 ? randomInt(random, 3) : 0; n > 0; n--)
          chars.splice(randomInt(random, chars.length + 1), random() < 0.5 ? 1 : 0, pick(noise));
        text = chars.join('');
        const match = DATELINE.exec(text);
        const rest = match ? text.slice(match[0].length) : '';
        const expected =
          match && rest
            ? { place: match[1], agencies: match[2]!.split('/').map((agency) => agency.trim()), text: rest }
            : { agencies: [], text };
        if (expected.place) datelines++;
        expect(parseDateline(text), JSON.stringify(text)).to.deep.equal(expected);
      }
      expect(datelines, 'texts with a dateline among them').to.be.greaterThan(3000);
    });
  });

  it('formats as the seed writes it', () => {
    expect(formatDateline('DOHA', ['ANP', 'AFP'])).to.equal('DOHA (ANP/AFP)');
    expect(formatDateline(undefined, [])).to.equal('');
  });
});
