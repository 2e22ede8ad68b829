// The floor any Lit embed is measured against: Lit alone, as a one-file classic script, doing the least
// an embedded ticker does. It fetches the same JSON Feed as the host page's <live-ticker>, keeps the
// same 7 items (tag "buitenland"), renders them in its shadow root with Intl.RelativeTimeFormat labels,
// and refreshes the labels on one 60-second interval. The host page names it <plain-ticker> where it
// names the block; it answers the bench's readiness check as the block does: `status="live"` and a
// `live-ticker-status` event once its items are shown.
import { html, LitElement, css } from 'lit';

interface FeedItem {
  id: string;
  content_text?: string;
  url?: string;
  date_published?: string;
  tags?: string[];
}

const words = new Intl.RelativeTimeFormat('nl', { numeric: 'auto' });
function label(published: number, now: number): string {
  const minutes = Math.floor((now - published) / 60_000);
  return minutes < 1
    ? words.format(0, 'minute')
    : minutes < 60
      ? words.format(-minutes, 'minute')
      : words.format(-Math.floor(minutes / 60), 'hour');
}

class PlainTicker extends LitElement {
  static override properties = { heading: {}, feedUrl: { attribute: 'feed-url' }, items: { state: true }, now: { state: true } };
  static override styles = css`
    :host { display: block; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding-block: 0.75em; border-block-end: 1px solid color-mix(in srgb, currentColor 15%, transparent); }
    time { display: block; font-size: 0.8125em; opacity: 0.7; }
  `;
  heading = '';
  feedUrl = '';
  items: FeedItem[] = [];
  now = Date.now();
  #timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => (this.now = Date.now()), 60_000);
    void fetch(this.feedUrl)
      .then((response) => response.json() as Promise<{ items: FeedItem[] }>)
      .then(({ items }) => {
        this.items = items.filter((item) => item.tags?.includes('buitenland')).slice(0, 7);
        return this.updateComplete;
      })
      .then(() => {
        this.setAttribute('status', 'live');
        this.dispatchEvent(new Event('live-ticker-status', { bubbles: true, composed: true }));
      });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  override render() {
    return html`<h2>${this.heading}</h2>
      ${
        this.items.length
          ? html`<ol>
            ${this.items.map((item) => {
              const published = Date.parse(item.date_published ?? '');
              return html`<li>
                <a href=${item.url ?? ''}>${item.content_text}</a>
                <time datetime=${item.date_published ?? ''}>${label(published, this.now)}</time>
              </li>`;
            })}
          </ol>`
          : html`<slot></slot>`
      }`;
  }
}

customElements.define('plain-ticker', PlainTicker);
