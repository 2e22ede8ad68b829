// @ts-check
/**
 * What the demo feed's seven seed items (demo/seed-items.json) are labelled in Dutch at the moment the
 * feed server was reset to: the browser tests and the end-to-end tests both expect them.
 */
export const SEED_LABELS = [
  '13 minuten geleden',
  '14 minuten geleden',
  '16 minuten geleden',
  '18 minuten geleden',
  '1 uur geleden',
  '1 uur geleden',
  '1 uur geleden',
];

/** The same labels once the next minute boundary has passed: each moves on a minute, the hour-old ones stay. */
export const SEED_LABELS_A_MINUTE_LATER = [
  '14 minuten geleden',
  '15 minuten geleden',
  '17 minuten geleden',
  '19 minuten geleden',
  '1 uur geleden',
  '1 uur geleden',
  '1 uur geleden',
];
