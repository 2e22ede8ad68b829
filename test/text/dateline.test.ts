import { expect } from '@open-wc/testing';
import { formatDateline, parseDateline } from '../../src/text/dateline.js';

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

  it('formats as the seed writes it', () => {
    expect(formatDateline('DOHA', ['ANP', 'AFP'])).to.equal('DOHA (ANP/AFP)');
    expect(formatDateline(undefined, [])).to.equal('');
  });
});
