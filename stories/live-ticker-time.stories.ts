import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PageClock } from '../src/clock/page-clock.js';
import { STORY_NOW } from './seed.js';

const clock = new PageClock({ now: () => STORY_NOW });

interface Args {
  minutesAgo: number;
  lang: string;
  timeZone: string;
  threshold: string;
}

const meta: Meta<Args> = {
  title: 'Elements/live-ticker-time',
  component: 'live-ticker-time',
  args: { minutesAgo: 13, lang: 'nl', timeZone: 'Europe/Amsterdam', threshold: 'P7D' },
  argTypes: { lang: { control: 'select', options: ['nl', 'en', 'de', 'fr', 'ar', 'he', 'ja'] } },
  render: (args) => html`<live-ticker-time
    lang=${args.lang}
    time-zone=${args.timeZone}
    threshold=${args.threshold}
    datetime=${new Date(STORY_NOW - args.minutesAgo * 60_000).toISOString()}
    .clock=${clock}
  ></live-ticker-time>`,
};
export default meta;

type Story = StoryObj<Args>;

export const MinutesAgo: Story = {};
export const Now: Story = { args: { minutesAgo: 0 } };
export const HoursAgo: Story = { args: { minutesAgo: 64 } };
export const PastThreshold: Story = { args: { minutesAgo: 8 * 24 * 60 } };
export const Arabic: Story = { args: { lang: 'ar', minutesAgo: 13 } };
