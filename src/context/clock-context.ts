import { createContext } from '@lit/context';
import type { Clock } from '../clock/page-clock.js';

/**
 * The clock labels read the time from. Keyed by a registered symbol so that two copies of the
 * library on one page (the embed and an npm build) still find each other's provider.
 */
export const clockContext = createContext<Clock>(Symbol.for('live-ticker/clock'));
