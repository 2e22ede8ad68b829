import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .body {
    margin: 0;
    overflow-wrap: anywhere;
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
  .time,
  ::slotted([slot='time']) {
    display: block;
    margin-block-start: 0.25em;
    font-size: var(--live-ticker-time-font-size, 0.8125em);
    color: var(--live-ticker-muted-color, color-mix(in srgb, currentColor 68%, transparent));
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  :host([layout='marquee']) .body,
  :host([layout='marquee']) .time {
    display: inline;
  }
  :host([layout='marquee']) .time {
    margin-inline-start: 0.75em;
  }
`;
