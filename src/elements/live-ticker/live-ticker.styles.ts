import { css } from 'lit';

export const styles = css`
  :host {
    color: var(--live-ticker-color, inherit);
    background: var(--live-ticker-background, transparent);
    font: var(--live-ticker-font, inherit);
    line-height: var(--live-ticker-line-height, 1.45);
    --muted: var(--live-ticker-muted-color, color-mix(in srgb, currentColor 68%, transparent));
    --spacing: var(--live-ticker-item-spacing, 0.75em);
  }
  /* A theme sets the colour scheme; each colour names its light and dark value once. */
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([theme]) {
    color: var(--live-ticker-color, light-dark(#1d1d1f, #ececec));
    background: var(--live-ticker-background, light-dark(#fff, #151517));
  }
  :host([density='compact']) {
    --spacing: var(--live-ticker-item-spacing, 0.4em);
    font-size: 0.9375em;
  }
  :host([density='comfortable']) {
    --spacing: var(--live-ticker-item-spacing, 1.1em);
  }

  .base {
    display: block;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin: 0 0 0.5em;
    /* As tall as the pause button before it appears: the block must not grow when its items arrive. */
    min-block-size: 1.75rem;
  }
  .heading {
    flex: none;
    max-width: 100%;
    font-size: var(--live-ticker-heading-font-size, 1.25em);
    font-weight: var(--live-ticker-heading-weight, 700);
    line-height: 1.2;
  }
  .status {
    flex: 1 1 0;
    min-width: 0;
    overflow: hidden;
    text-align: end;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.8125em;
    color: var(--muted);
  }
  /* The pause and "more" buttons are outlined; the "N new items" button is filled (below). */
  button {
    font: inherit;
    color: var(--live-ticker-accent, currentColor);
    cursor: pointer;
    border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
    background: transparent;
  }
  button:focus-visible,
  .entry:focus-visible {
    outline: 2px solid var(--live-ticker-focus-color, currentColor);
    outline-offset: 2px;
  }
  .pause {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin-inline-start: auto;
    padding: 0;
    border-radius: 50%;
  }
  .pause svg {
    inline-size: 0.875rem;
    block-size: 0.875rem;
    fill: currentColor;
  }
  .status + .pause {
    margin-inline-start: 0;
  }
  .content {
    position: relative;
  }
  .new-items {
    position: absolute;
    z-index: 1;
    inset-block-start: 0;
    inset-inline: 0;
    inline-size: fit-content;
    margin: 0 auto;
    padding: 0.3em 0.9em;
    border: 0;
    border-radius: 1em;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--live-ticker-background, Canvas);
    background: var(--live-ticker-accent, CanvasText);
    box-shadow: 0 1px 4px rgb(0 0 0 / 25%);
  }
  .viewport {
    max-block-size: var(--live-ticker-max-height, none);
    overflow-y: auto;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .entry {
    padding-block: var(--spacing);
    border-block-end: var(--live-ticker-divider, 1px solid color-mix(in srgb, currentColor 15%, transparent));
  }
  /* A long list's entries out of sight are neither laid out nor painted until they come near; the
     first few, in sight in almost every block, are laid out at once. Such an entry holds its floats,
     so every item does (a picture taller than its text never reaches into the next item); in print
     every entry is laid out. */
  .entry:nth-child(n + 8) {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 6em;
  }
  .item {
    display: flow-root;
  }
  @media print {
    .entry {
      content-visibility: visible;
    }
  }
  .entry:first-child {
    padding-block-start: 0;
  }
  .fresh,
  .revised {
    animation: fresh 4s ease-out;
  }
  @keyframes fresh {
    from {
      background: var(--live-ticker-highlight, color-mix(in srgb, #f5b700 28%, transparent));
    }
  }
  .message {
    margin: 0;
    color: var(--muted);
  }
  .more {
    display: block;
    margin: 0.75em auto 0.25em;
    padding: 0.35em 1em;
    border-radius: 1em;
  }
  .more[aria-busy='true'] {
    opacity: 0.6;
  }
  .announcer {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Marquee: one row crawling on the compositor (transform only), two copies for a seamless loop. */
  :host([layout='marquee']) .base {
    display: flex;
    align-items: center;
    gap: 1em;
  }
  :host([layout='marquee']) .header {
    flex: none;
    margin: 0;
  }
  :host([layout='marquee']) .heading {
    font-size: var(--live-ticker-heading-font-size, 1em);
  }
  :host([layout='marquee']) .content {
    flex: 1;
    min-width: 0;
  }
  :host([layout='marquee']) .viewport {
    overflow: hidden;
  }
  :host([layout='marquee']) .track {
    display: flex;
    inline-size: max-content;
    animation: crawl var(--crawl-duration, 60s) linear infinite;
  }
  :host([layout='marquee']:dir(rtl)) .track {
    animation-name: crawl-rtl;
  }
  :host([layout='marquee']) .list {
    display: flex;
    flex: none;
  }
  /* The crawl's width is that of every entry. */
  :host([layout='marquee']) .entry {
    content-visibility: visible;
    padding: 0;
    padding-inline-end: var(--live-ticker-marquee-gap, 2.5em);
    border: 0;
    white-space: nowrap;
  }
  /* Paused in place: hover, focus anywhere in the block (the pause button too), or paused. */
  :host([layout='marquee']:hover) .track,
  :host([layout='marquee']:focus-within) .track,
  :host([layout='marquee'][paused]) .track {
    animation-play-state: paused;
  }
  /* With focus in the row, it scrolls instead, from where the crawl stood (the crawl controller sets
     the scroll position), so the browser can bring the focused item into view and the keyboard can
     scroll. No scrollbar: one would shift the row it is meant to hold still. */
  :host([layout='marquee']) .viewport.row {
    overflow-x: auto;
    scrollbar-width: none;
  }
  :host([layout='marquee']) .row .track {
    animation: none;
  }
  @keyframes crawl {
    to {
      transform: translateX(-50%);
    }
  }
  @keyframes crawl-rtl {
    to {
      transform: translateX(50%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host([layout='marquee']) .track {
      animation: none;
      inline-size: auto;
    }
    :host([layout='marquee']) .list {
      flex-wrap: wrap;
      row-gap: 0.25em;
    }
    :host([layout='marquee']) .clone {
      display: none;
    }
    :host([layout='marquee']) .entry {
      white-space: normal;
    }
  }
`;
