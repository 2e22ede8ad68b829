import { Observable, type Subscription } from 'rxjs';
import type { FeedError, TickerItem } from '../model.js';
import { compareItems, type BlockView, type OlderItems, type TickerState } from './fold.js';

/** Most older items a block appends, however often the reader asks: a page of thousands is cut here. */
export const MAX_OLDER_ITEMS = 200;

/** Reads one older page of a feed (`fetchFeedPage`, or a test's stand-in): its items and the page after it. */
export type PageReader = (url: string) => Observable<{ readonly items: readonly TickerItem[]; readonly next?: string | undefined }>;

/**
 * A block's state with older items on request. Each value of `more$` (the reader pressing "more")
 * appends the next older items below the live ones: first those the block's filter matched that did
 * not fit in `max-items`, then the older pages its feed names, one per request, each item once and
 * only if the filter shows it. Live items go on arriving at the top meanwhile; an item that leaves
 * the live list then stays below, so nothing the reader saw disappears. A failed page keeps what is
 * shown and can be asked for again; a page the block already read (a `next` that loops back, to
 * itself or to the feed) ends the paging, as does MAX_OLDER_ITEMS. Nothing of it is kept for the next visit.
 */
export function withOlderPages(
  live$: Observable<TickerState>,
  more$: Observable<unknown>,
  view: BlockView,
  readPage: PageReader,
  feedUrls: readonly string[] = [],
): Observable<TickerState> {
  return new Observable<TickerState>((subscriber) => {
    let live: TickerState | undefined;
    let older: TickerItem[] = [];
    let paging = false;
    /** The page to read next: the live feed's until the reader has read one, then each page's own. */
    let next: string | undefined;
    const read = new Set(feedUrls);
    let status: OlderItems['more'] = 'ready';
    let error: FeedError | undefined;
    let added: OlderItems['added'];
    let request: Subscription | undefined;

    const emit = () => {
      if (!live) return;
      const more = older.length >= MAX_OLDER_ITEMS || (!next && !live.beyond?.length && status !== 'loading') ? 'end' : status;
      subscriber.next({ ...live, older: { items: older, more, ...(error && { error }), ...(added && { added }) } });
    };
    /** Adds items below the live ones, each once, newest first, within the bound; returns those it added. */
    const append = (items: readonly TickerItem[]): TickerItem[] => {
      const shown = new Set([...live!.items, ...older].map((item) => item.id));
      const retracted = new Set(live!.retracted);
      const fresh = items.filter((item) => !shown.has(item.id) && !retracted.has(item.id) && shown.add(item.id));
      older = [...older, ...fresh].sort(compareItems).slice(0, MAX_OLDER_ITEMS);
      return fresh.filter((item) => older.includes(item));
    };
    const pageAdded = (items: readonly TickerItem[]) => {
      const fresh = append(items);
      paging = true;
      live = { ...live!, beyond: [] };
      added = { count: fresh.length, ...(fresh[0] && { first: fresh[0].id }) };
      status = 'ready';
      error = undefined;
      emit();
    };
    const loadMore = () => {
      if (!live || status === 'loading' || older.length >= MAX_OLDER_ITEMS) return;
      if (live.beyond?.length) return pageAdded(live.beyond);
      if (!next || read.has(next)) return;
      const url = next;
      status = 'loading';
      emit();
      request = readPage(url).subscribe({
        next: (page) => {
          read.add(url);
          next = page.next && !read.has(page.next) ? page.next : undefined;
          pageAdded(view.filter ? page.items.filter(view.filter) : page.items);
        },
        error: (failure: FeedError) => {
          status = 'error';
          error = failure;
          emit();
        },
      });
    };

    const liveSubscription = live$.subscribe({
      next: (state) => {
        const before = live;
        live = paging ? { ...state, beyond: [] } : state;
        if (paging && before) {
          // An item the live list no longer shows (arrivals pushed it out) stays below; one retracted
          // or back in the live list is not shown twice.
          const gone = new Set([...state.retracted, ...state.items.map((item) => item.id)]);
          older = older.filter((item) => !gone.has(item.id));
          append(before.items.filter((item) => !gone.has(item.id)));
        } else next = state.next;
        emit();
      },
      error: (failure: unknown) => subscriber.error(failure),
      complete: () => subscriber.complete(),
    });
    const moreSubscription = more$.subscribe(loadMore);
    return () => {
      liveSubscription.unsubscribe();
      moreSubscription.unsubscribe();
      request?.unsubscribe();
    };
  });
}
