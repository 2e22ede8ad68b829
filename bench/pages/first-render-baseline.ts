// First render, baseline: the same 50 items as a plain Lit list (text and a fixed label, no feed, no clock).
import { html, LitElement } from 'lit';
import { benchItems, reportPainted } from './first-render-items.js';

const rtf = new Intl.RelativeTimeFormat('nl');
class PlainList extends LitElement {
  items = benchItems(50);
  override render() {
    const now = Date.now();
    return html`<ol>
      ${this.items.map(
        (item) =>
          html`<li><p>${item.text}</p><time datetime=${new Date(item.published).toISOString()}>${rtf.format(-Math.floor((now - item.published) / 60_000), 'minute')}</time></li>`,
      )}
    </ol>`;
  }
}
customElements.define('plain-list', PlainList);
const list = document.createElement('plain-list') as PlainList;
document.body.append(list);
await list.updateComplete;
reportPainted(list.shadowRoot!.querySelectorAll('li').length);
