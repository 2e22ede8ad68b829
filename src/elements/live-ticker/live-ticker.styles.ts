import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--live-ticker-color, inherit);
    background: var(--live-ticker-background, transparent);
    font: var(--live-ticker-font, inherit);
    line-height: var(--live-ticker-line-height, 1.45);
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: block;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin: 0 0 0.5em;
  }
  [part='heading'] {
    flex: none;
    max-width: 100%;
    font-size: var(--live-ticker-heading-font-size, 1.25em);
    font-weight: var(--live-ticker-heading-weight, 700);
    line-height: 1.2;
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='entry'] {
    padding-block: var(--live-ticker-item-spacing, 0.75em);
    border-block-end: var(--live-ticker-divider, 1px solid color-mix(in srgb, currentColor 15%, transparent));
  }
  [part='entry']:first-child {
    padding-block-start: 0;
  }
  [part='status'] {
    flex: 1 1 0;
    min-width: 0;
    overflow: hidden;
    text-align: end;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.8125em;
    color: var(--live-ticker-muted-color, color-mix(in srgb, currentColor 62%, transparent));
  }
  [part='message'] {
    margin: 0;
    color: var(--live-ticker-muted-color, color-mix(in srgb, currentColor 62%, transparent));
  }
`;
