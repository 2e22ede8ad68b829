// First render, baseline: the same 50 items as a plain Lit list (text and a fixed label, no feed, no clock).
import { html, LitElement } from 'lit';
import { benchItems, reportPainted, sinceStart } from './first-render-items.js';

// Made at its first render, as ours is: the first Intl use (the browser starting ICU) falls in the same step of both.
let rtf: Intl.RelativeTimeFormat | undefined;
class PlainList extends LitElement {
  items = benchItems(50);
  override render() {
    const now = Date.now();
    const format = (rtf ??= new Intl.RelativeTimeFormat('nl'));
    return html`<ol>
      ${this.items.map(
        (item) =>
          html`<li><p>${item.text}</p><time datetime=${new Date(item.published).toISOString()}>${format.format(-Math.floor((now - item.published) / 60_000), 'minute')}</time></li>`,
      )}
    </ol>`;
  }
}
customElements.define('plain-list', PlainList);
const list = document.createElement('plain-list') as PlainList;
document.body.append(list);
const appended = sinceStart();
await list.updateComplete;
reportPainted(list.shadowRoot!.querySelectorAll('li').length, appended);
