import { css } from 'lit';

/** An item's look, by class: shared by `<live-ticker>`'s entries and `<live-ticker-item>` (see itemTemplate). */
export const itemStyles = css`
  /* Both hosts are blocks, which the hidden attribute hides. */
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  /* No item grows past a few lines, whatever its feed sends: the rest is cut with "…". */
  .body,
  .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--live-ticker-text-lines, 12);
    line-clamp: var(--live-ticker-text-lines, 12);
    overflow: hidden;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .titled {
    -webkit-line-clamp: var(--live-ticker-headline-lines, 3);
    line-clamp: var(--live-ticker-headline-lines, 3);
    font-weight: var(--live-ticker-headline-weight, 600);
  }
  .summary {
    margin-block-start: 0.2em;
    -webkit-line-clamp: var(--lines, 2);
    line-clamp: var(--lines, 2);
  }
  /* A picture beside the text, its space reserved before it loads: the feed's size, else 3:2. */
  .image {
    float: inline-end;
    inline-size: var(--live-ticker-image-width, 5.5em);
    block-size: auto;
    margin-block: 0.2em 0.25em;
    margin-inline-start: 0.75em;
    object-fit: cover;
    border-radius: 0.25em;
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .unsized {
    aspect-ratio: 3 / 2;
  }
  .marker {
    font-weight: 700;
  }
  .breaking-marker {
    color: var(--live-ticker-breaking-color, light-dark(#c4001a, #ff7a7a));
  }
  .pin {
    inline-size: 1em;
    block-size: 1em;
    vertical-align: -0.125em;
    fill: var(--live-ticker-pinned-color, currentColor);
  }
  .link {
    color: var(--live-ticker-link-color, inherit);
    text-decoration: none;
  }
  .link:hover .text,
  .link:focus-visible .text {
    text-decoration: underline;
  }
  .link:focus-visible {
    outline: 2px solid var(--live-ticker-focus-color, currentColor);
    outline-offset: 2px;
  }
  .dateline {
    font-weight: var(--live-ticker-dateline-weight, inherit);
  }
  /* A <live-ticker-item>'s server-rendered label (slot="time") is styled as the label it replaces. */
  .time,
  .updated,
  ::slotted([slot='time']) {
    display: inline-block;
    margin-block-start: 0.25em;
    font-size: var(--live-ticker-time-font-size, 0.8125em);
    color: var(--live-ticker-muted-color, color-mix(in srgb, currentColor 68%, transparent));
  }
  /* A correction's label follows the time on its line, or starts the next one. */
  .time,
  ::slotted([slot='time']) {
    margin-inline-end: 0.75em;
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  :host([layout='marquee']) .body,
  :host([layout='marquee']) .time,
  :host([layout='marquee']) .updated {
    display: inline;
  }
  :host([layout='marquee']) .time {
    margin-inline-start: 0.75em;
  }
`;
