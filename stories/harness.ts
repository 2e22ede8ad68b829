import { html, nothing, type TemplateResult } from 'lit';
import { ReplaySubject } from 'rxjs';
import seed from '../demo/seed-items.json';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import { FeedError, type TickerItemInput, type TickerUpdateInput } from '../src/model.js';

/** The moment stories start at, so labels read exactly as the seed page. */
export const STORY_NOW = Date.parse('2026-11-27T12:00:20Z');
const MINUTE = 60_000;

/** The seed's seven items, published the seed's minutes before `now`. */
export function seedItems(now = STORY_NOW): TickerItemInput[] {
  return seed.items.map((item) => ({
    id: item.id,
    published: now - item.minutesAgo * MINUTE,
    text: item.text,
    url: `https://www.example.org/buitenland/${item.id}`,
    tags: ['buitenland'],
  }));
}

/**
 * The demo newsroom's other sections (demo/seed-items.json): sport items, one pinned and one
 * corrected four minutes ago, and a breaking and an urgent item, with titles where a CMS gives them.
 */
export function sectionItems(now = STORY_NOW): TickerItemInput[] {
  return seed.sections.map((item) => ({
    id: item.id,
    published: now - item.minutesAgo * MINUTE,
    ...(typeof item.updatedMinutesAgo === 'number' ? { updated: now - item.updatedMinutesAgo * MINUTE } : {}),
    ...(item.title ? { title: item.title } : {}),
    text: item.text,
    url: `https://www.example.org/${item.tags.at(-1)}/${item.id}`,
    tags: item.tags,
  }));
}

/** `count` plausible items, one every `spacing` minutes back from `now`. */
export function manyItems(count: number, now = STORY_NOW, spacing = 7): TickerItemInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `many-${i}`,
    published: now - (i + 1) * spacing * MINUTE,
    text: seed.live[i % seed.live.length]!,
  }));
}

/**
 * What drives a story: an RxJS subject standing in for the feed and a virtual clock, with the
 * actions the story's buttons call. No network, and the same every time.
 */
export class StoryFeed {
  /** Replays what was sent, so a block that mounts late still sees it. */
  readonly source = new ReplaySubject<TickerUpdateInput>();
  readonly clock: VirtualClock;
  private published = 0;

  constructor(items: TickerItemInput[] | undefined = seedItems(), now = STORY_NOW) {
    this.clock = new VirtualClock(now);
    if (items) this.source.next(items);
  }

  /** Publishes a new wire item, now. */
  push(): void {
    const text = seed.live[this.published % seed.live.length]!;
    this.published++;
    this.source.next([{ id: `story-${this.published}`, published: this.clock.now(), text }]);
  }

  /** Retracts an item (the newest the story published, else a seed item). */
  remove(id = this.published > 0 ? `story-${this.published--}` : seed.items[0]!.id): void {
    this.source.next({ kind: 'delete', ids: [id] });
  }

  /** The feed fails: the block keeps its items and says it is not current. */
  fail(): void {
    this.source.next({ kind: 'status', status: 'error', error: new FeedError('network', 'story: the feed is unreachable') });
  }

  recover(): void {
    this.source.next({ kind: 'status', status: 'live' });
  }

  advance(ms: number): void {
    this.clock.advance(ms);
  }
}

/** The buttons under a story that drive its feed and clock. */
export function storyControls(feed: StoryFeed): TemplateResult {
  return html`<div class="story-controls" role="group" aria-label="Story controls">
    <button type="button" @click=${() => feed.push()}>Push an item</button>
    <button type="button" @click=${() => feed.remove()}>Delete one</button>
    <button type="button" @click=${() => feed.fail()}>Fail the feed</button>
    <button type="button" @click=${() => feed.recover()}>Recover</button>
    <button type="button" @click=${() => feed.advance(MINUTE)}>+1 minute</button>
    <button type="button" @click=${() => feed.advance(60 * MINUTE)}>+1 hour</button>
  </div>`;
}

/** The arguments a `<live-ticker>` story takes, named after its attributes. */
export interface TickerArgs {
  heading?: string;
  lang: string;
  dir?: 'ltr' | 'rtl';
  'max-items': number;
  layout: 'list' | 'marquee';
  speed: number;
  paused: boolean;
  theme?: 'light' | 'dark' | 'auto';
  density?: 'compact' | 'comfortable';
  'time-zone'?: string;
  filter?: string;
  'pinned-tags'?: string;
  'breaking-tags'?: string;
  'summary-lines'?: number;
  images?: boolean;
}

/** A `<live-ticker>` on a story feed, with its controls; `light` is server-rendered content. */
export function renderTicker(
  args: TickerArgs,
  feed: StoryFeed | undefined,
  light: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<div lang=${args.lang} dir=${args.dir ?? 'ltr'} class="story">
    <live-ticker
      heading=${args.heading ?? nothing}
      max-items=${args['max-items']}
      layout=${args.layout}
      speed=${args.speed}
      ?paused=${args.paused}
      theme=${args.theme ?? nothing}
      density=${args.density ?? nothing}
      time-zone=${args['time-zone'] ?? nothing}
      filter=${args.filter ?? nothing}
      pinned-tags=${args['pinned-tags'] ?? nothing}
      breaking-tags=${args['breaking-tags'] ?? nothing}
      summary-lines=${args['summary-lines'] ?? nothing}
      ?images=${args.images}
      .source=${feed?.source}
      .clock=${feed?.clock}
      >${light}</live-ticker
    >
    ${feed ? storyControls(feed) : nothing}
  </div>`;
}
