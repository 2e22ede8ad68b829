import { expect } from '@open-wc/testing';
import { decodeEntities } from '../../src/parsers/entities.js';
import { htmlToText } from '../../src/parsers/html-text.js';

describe('htmlToText', () => {
  it('drops tags, keeps words apart at block boundaries, decodes references', () => {
    expect(htmlToText('<p>Eerste&nbsp;alinea.</p><p>Tweede <b>vet</b> &amp; <i>schuin</i></p>')).to.equal(
      'Eerste alinea. Tweede vet & schuin',
    );
    expect(htmlToText('regel<br>regel')).to.equal('regel regel');
    expect(htmlToText('caf&eacute; &#8364;5 &#x1F600; &euml;')).to.equal('café €5 😀 ë');
  });

  it('drops scripts, styles and comments with their content, never running anything', () => {
    const text = htmlToText(
      'a<script>window.__pwned = 1</script>b<style>p{}</style>c<!-- secret -->d<img src=x onerror="window.__pwned=2">e',
    );
    expect(text).to.equal('a b c d e');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps markup-looking entities as text', () => {
    expect(htmlToText('&lt;img src=x onerror=alert(1)&gt;')).to.equal('<img src=x onerror=alert(1)>');
  });

  it('handles attributes holding ">" and unterminated markup', () => {
    expect(htmlToText('<a title="x > y" href="/">link</a> tekst')).to.equal('link tekst');
    expect(htmlToText('tekst <script>never closed')).to.equal('tekst');
    expect(htmlToText('tekst <b')).to.equal('tekst');
  });

  it('replaces invalid code points and leaves unknown names', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;&bogus;')).to.equal('\ufffd\ufffd\ufffd&bogus;');
  });

  it('removes control characters and folds white space', () => {
    expect(htmlToText('a\u0000b\u0007c\n\n\t d')).to.equal('abc d');
  });

  it('finishes on a large hostile document', () => {
    const hostile = '<a title="'.repeat(50_000) + '<'.repeat(50_000);
    expect(htmlToText(hostile)).to.be.a('string');
  });
});
