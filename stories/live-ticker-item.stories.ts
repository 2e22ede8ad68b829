import { ContextProvider } from '@lit/context';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import { clockContext } from '../src/context/clock-context.js';
import type { TickerItem } from '../src/model.js';
import { STORY_NOW } from './harness.js';

const clock = new VirtualClock(STORY_NOW);

/** Provides the story clock to the labels inside, as a `<live-ticker>` would. */
const provideClock = (element: Element | undefined) => {
  if (!element || (element as { provided?: boolean }).provided) return;
  (element as { provided?: boolean }).provided = true;
  new ContextProvider(element as HTMLElement, { context: clockContext, initialValue: clock }).hostConnected();
};

const doha: TickerItem = {
  id: 'anp-qatar-arrestaties',
  published: STORY_NOW - 13 * 60_000,
  place: 'DOHA',
  agencies: ['ANP', 'AFP'],
  text: 'Qatar heeft 313 mensen gearresteerd voor het delen van beelden en "misleidende informatie" tijdens de dagenlange aanvallen van Iran.',
  url: 'https://www.example.org/buitenland/anp-qatar-arrestaties',
};

interface Args {
  lang: string;
  layout: 'list' | 'marquee';
}

/** One item as `<live-ticker>` renders it (through `item`), or as a page writes it (attributes and text). */
const meta: Meta<Args> = {
  title: 'Elements/live-ticker-item',
  component: 'live-ticker-item',
  tags: ['autodocs'],
  args: { lang: 'nl', layout: 'list' },
  argTypes: { layout: { control: 'inline-radio', options: ['list', 'marquee'] } },
  decorators: [(story) => html`<div ${ref(provideClock)}>${story()}</div>`],
  render: (args) => html`<div lang=${args.lang} style="max-width: 22rem">
    <live-ticker-item .item=${doha} layout=${args.layout}></live-ticker-item>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Linked: Story = {};

export const WithoutLink: Story = {
  render: (args) => html`<div lang=${args.lang} style="max-width: 22rem">
    <live-ticker-item .item=${{ ...doha, url: undefined }}></live-ticker-item>
  </div>`,
};

export const WithoutDateline: Story = {
  render: (args) => html`<div lang=${args.lang} style="max-width: 22rem">
    <live-ticker-item .item=${{ ...doha, place: undefined, agencies: [] }}></live-ticker-item>
  </div>`,
};

/** Written in the page, as a server renders it: readable before JavaScript runs. */
export const ServerRendered: Story = {
  render: (args) => html`<div lang=${args.lang} style="max-width: 22rem">
    <live-ticker-item item-id="anp-orf" datetime=${new Date(STORY_NOW - 14 * 60_000).toISOString()} href="https://www.example.org/buitenland/anp-orf">
      WENEN (ANP) - De directeur van de Oostenrijkse omroep ORF is per direct afgetreden.
      <live-ticker-time slot="time" datetime=${new Date(STORY_NOW - 14 * 60_000).toISOString()}>14 minuten geleden</live-ticker-time>
    </live-ticker-item>
  </div>`,
};

export const MarqueeLayout: Story = {
  args: { layout: 'marquee' },
};
