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
  `,
];
