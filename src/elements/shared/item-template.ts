import { html, nothing, type TemplateResult } from 'lit';
import { MINUTE } from '../../clock/relative-label.js';
import { messagesFor } from '../../i18n/messages.js';
import type { TickerItem } from '../../model.js';
import { formatDateline } from '../../text/dateline.js';

/** An `updated` this long after `published` is a correction the reader is told about; less is the CMS saving twice. */
const CORRECTION = 2 * MINUTE;

/** How one item is shown: by `<live-ticker>` for each entry of its list, and by a `<live-ticker-item>`. */
export interface ItemView {
  /** The item; absent for a server-rendered `<live-ticker-item>`, whose text is its own content (`slotted`). */
  readonly item?: TickerItem | undefined;
  /** Its link: an absolute http(s) URL. */
  readonly url?: string | undefined;
  readonly pinned: boolean;
  readonly breaking: boolean;
  readonly summaryLines: number;
  readonly images: boolean;
  readonly marquee: boolean;
  /** The host's language, which the pin's name, the breaking marker and the correction label are in. */
  readonly lang: string;
  /** When it was published (epoch ms; NaN: no label, a time is never invented); a server-rendered label replaces it with NaN. */
  readonly published: number;
  /** What the item's text is when it has no `item`: a `<slot>` in a `<live-ticker-item>`. */
  readonly slotted?: TemplateResult;
  /** Where a server-rendered `<live-ticker-item>` lets its page's own label in. */
  readonly timeSlot?: (label: TemplateResult | typeof nothing) => TemplateResult;
}

/** When a correction was made, or NaN when the item was not corrected. */
export function correctionTime(item: TickerItem | undefined): number {
  const { published = Number.NaN, updated = Number.NaN } = item ?? {};
  return updated - published > CORRECTION ? updated : Number.NaN;
}

/** A label the labels controller fills: an empty `<time>` with the moment in `datetime`. */
const label = (at: number, className: string, part?: string) =>
  html`<time class=${className} part=${part ?? nothing} datetime=${new Date(at).toISOString()}></time>`;

/**
 * An item's markup, with its parts: picture, headline (or dateline and text) in the link, summary,
 * relative-time label and correction label. Its labels are empty `<time>`s that a LabelsController
 * of the host fills and keeps current.
 */
export function itemTemplate(view: ItemView): TemplateResult {
  const { item, url } = view;
  const dateline = item ? formatDateline(item.place, item.agencies) : '';
  const text = item
    ? html`${dateline ? html`<span class="dateline" part="dateline">${dateline}</span> - ` : nothing}<span class="text" part="text">${item.text}</span>`
    : (view.slotted ?? nothing);
  const title = item?.title;
  const main = title ? html`<span class="headline" part="headline">${title}</span>` : text;
  const corrected = correctionTime(item);
  const messages = view.breaking || view.pinned || corrected ? messagesFor(view.lang) : undefined;
  const [before, after] = messages?.updated.split('{t}') ?? [];
  const image = view.images && !view.marquee ? item?.image : undefined;
  const time = Number.isFinite(view.published) ? label(view.published, 'time', 'time') : nothing;
  return html`${
    image
      ? html`<img
          class=${image.width ? 'image' : 'image unsized'}
          part="image"
          src=${image.url}
          alt=${image.alt ?? ''}
          width=${image.width ?? nothing}
          height=${image.height ?? nothing}
          loading="lazy"
          decoding="async"
          @error=${showImageFailed}
        />`
      : nothing
  }<p class=${title ? 'body titled' : 'body'} part="body">
      ${view.pinned ? html`<svg class="marker pin" part="pin" viewBox="0 0 24 24" role="img" aria-label=${messages!.pinned}><path d="M15 3l6 6-3 1-4 4 1 5-2 2-4-4-5 5-1-1 5-5-4-4 2-2 5 1 4-4z" /></svg> ` : nothing}
      ${view.breaking ? html`<span class="marker breaking-marker" part="breaking-marker">${messages!.breaking}</span> ` : nothing}
      ${url ? html`<a class="link" part="link" href=${url}>${main}</a>` : main}
    </p>
    ${title && view.summaryLines > 0 && !view.marquee ? html`<p class="summary" part="summary">${text}</p>` : nothing}
    ${view.timeSlot ? view.timeSlot(time) : time}
    ${Number.isFinite(corrected) ? html`<span class="updated" part="updated">${before}${label(corrected, 'correction')}${after}</span>` : nothing}`;
}

/** A picture that fails (blocked, gone) leaves its space, not a broken icon. */
function showImageFailed(event: Event): void {
  (event.target as HTMLElement).style.visibility = 'hidden';
}

/** Reads back the moment a label's `<time>` stands for (epoch ms). */
export const labelTime = (time: HTMLTimeElement) => Date.parse(time.dateTime);
