import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BehaviorSubject, NEVER, throwError, concat, of } from 'rxjs';
import { PageClock } from '../src/clock/page-clock.js';
import type { TickerUpdateInput } from '../src/sources/custom-source.js';
import { seedItems, STORY_NOW } from './seed.js';

// Stories are driven by in-story Observables and a clock fixed at STORY_NOW: no network, exact labels.
const clock = new PageClock({ now: () => STORY_NOW });

interface Args {
  heading: string;
  lang: string;
  maxItems: number;
}

const meta: Meta<Args> = {
  title: 'Elements/live-ticker',
  component: 'live-ticker',
  args: { heading: 'Meer uit Buitenland', lang: 'nl', maxItems: 10 },
  argTypes: { lang: { control: 'select', options: ['nl', 'en', 'de', 'fr', 'ar'] } },
};
export default meta;

type Story = StoryObj<Args>;

const ticker = (args: Args, source: unknown) => html`
  <live-ticker style="max-width: 22rem" lang=${args.lang} heading=${args.heading} max-items=${args.maxItems} .source=${source} .clock=${clock}></live-ticker>
`;

export const Seed: Story = {
  render: (args) => ticker(args, new BehaviorSubject<TickerUpdateInput>(seedItems())),
};

export const Loading: Story = {
  render: (args) => ticker(args, NEVER),
};

export const Empty: Story = {
  render: (args) => ticker(args, of([])),
};

export const Error: Story = {
  render: (args) => ticker(args, throwError(() => new globalThis.Error('feed unreachable'))),
};

export const Stale: Story = {
  render: (args) => ticker(args, concat(of(seedItems()), throwError(() => new globalThis.Error('connection lost')))),
};

export const English: Story = {
  args: { lang: 'en', heading: 'More world news' },
  render: (args) => ticker(args, of(seedItems())),
};
