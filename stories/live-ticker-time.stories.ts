import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import { STORY_NOW } from './harness.js';

interface Args {
  minutesAgo: number;
  lang: string;
  'time-zone': string;
  threshold: string;
}

/**
 * A relative-time label on its own, on a virtual clock: the buttons move time forward and the
 * label changes exactly on the minute boundary.
 */
const meta: Meta<Args> = {
  title: 'Elements/live-ticker-time',
  component: 'live-ticker-time',
  tags: ['autodocs'],
  args: { minutesAgo: 13, lang: 'nl', 'time-zone': 'Europe/Amsterdam', threshold: 'P7D' },
  argTypes: { lang: { control: 'select', options: ['nl', 'en', 'de', 'fr', 'ar', 'he', 'ja'] } },
  render: (args) => {
    const clock = new VirtualClock(STORY_NOW);
    return html`<p lang=${args.lang}>
        <live-ticker-time
          time-zone=${args['time-zone']}
          threshold=${args.threshold}
          datetime=${new Date(STORY_NOW - args.minutesAgo * 60_000).toISOString()}
          .clock=${clock}
        ></live-ticker-time>
      </p>
      <div class="story-controls" role="group" aria-label="Story clock">
        <button type="button" @click=${() => clock.advance(40_000)}>+40 seconds</button>
        <button type="button" @click=${() => clock.advance(60_000)}>+1 minute</button>
        <button type="button" @click=${() => clock.advance(3_600_000)}>+1 hour</button>
        <button type="button" @click=${() => clock.advance(86_400_000)}>+1 day</button>
      </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const MinutesAgo: Story = {};
export const Now: Story = { args: { minutesAgo: 0 } };
export const HoursAgo: Story = { args: { minutesAgo: 64 } };
export const PastThreshold: Story = { args: { minutesAgo: 8 * 24 * 60 } };
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { args: { lang: 'ar' } };
export const Japanese: Story = { args: { lang: 'ja', 'time-zone': 'Asia/Tokyo' } };
