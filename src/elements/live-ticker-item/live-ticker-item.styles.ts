import { css } from 'lit';
import { itemStyles } from '../shared/item.styles.js';

export const styles = [
  itemStyles,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    /* A server-rendered label in place of the item's own, styled as it. */
    ::slotted([slot='time']) {
      display: inline-block;
      margin-block-start: 0.25em;
      margin-inline-end: 0.75em;
      font-size: var(--live-ticker-time-font-size, 0.8125em);
      color: var(--live-ticker-muted-color, color-mix(in srgb, currentColor 68%, transparent));
    }
  `,
];
