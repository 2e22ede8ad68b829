import { expect } from '@open-wc/testing';
import { parseStreamMessage } from '../../src/parsers/stream-message.js';

describe('parseStreamMessage', () => {
  it('reads a document, one item and a deletion; refuses the rest with a reason', () => {
    const doc = parseStreamMessage('{"items":[{"id":"a","content_text":"DOHA (ANP) - x","date_published":"2026-11-27T12:00:00Z"}]}', 's');
    expect(doc).to.deep.include({ kind: 'upsert', source: 's' });
    expect(typeof doc !== 'string' && doc.kind === 'upsert' && doc.items[0]!.place).to.equal('DOHA');
    const one = parseStreamMessage('{"id":"b","content_text":"y","date_published":"2026-11-27T12:00:00Z"}', 's');
    expect(typeof one !== 'string' && one.kind === 'upsert' && one.items[0]!.id).to.equal('b');
    expect(parseStreamMessage('{"id":"b","deleted":true}', 's')).to.deep.equal({ kind: 'delete', source: 's', ids: ['b'] });
    expect(parseStreamMessage('not json', 's')).to.match(/not JSON/);
    expect(parseStreamMessage('[1]', 's')).to.match(/not a JSON object/);
    expect(parseStreamMessage('{"deleted":true}', 's')).to.match(/without an id/);
    expect(parseStreamMessage('{"id":"c"}', 's')).to.match(/skipped/);
  });
});
