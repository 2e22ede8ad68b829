import { expect } from '@open-wc/testing';
import { safeHttpUrl } from '../../src/text/safe-url.js';

describe('safeHttpUrl', () => {
  it('accepts only http(s), resolving relative URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b#c')).to.equal('https://example.org/a?b#c');
    expect(safeHttpUrl('/nieuws/1', 'https://example.org/feed.json')).to.equal('https://example.org/nieuws/1');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      'ftp://x',
      '',
      'http://[',
      undefined,
      42,
    ]) {
      expect(safeHttpUrl(bad, 'https://example.org/'), String(bad)).to.equal(undefined);
    }
  });
});
