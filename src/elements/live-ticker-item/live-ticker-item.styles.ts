import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  [part='body'] {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part='link'] {
    color: var(--live-ticker-link-color, inherit);
    text-decoration: none;
  }
  [part='link']:hover [part='text'],
  [part='link']:focus-visible [part='text'] {
    text-decoration: underline;
  }
  [part='link']:focus-visible {
    outline: 2px solid var(--live-ticker-focus-color, currentColor);
    outline-offset: 2px;
  }
  [part='dateline'] {
    font-weight: var(--live-ticker-dateline-weight, inherit);
  }
  [part='time'],
  ::slotted([slot='time']) {
    display: block;
    margin-block-start: 0.25em;
    font-size: var(--live-ticker-time-font-size, 0.8125em);
    color: var(--live-ticker-muted-color, color-mix(in srgb, currentColor 68%, transparent));
  }
  :host([layout='marquee']) [part='body'],
  :host([layout='marquee']) [part='time'] {
    display: inline;
  }
  :host([layout='marquee']) [part='time'] {
    margin-inline-start: 0.75em;
  }
`;
