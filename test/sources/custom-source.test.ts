import { expect } from '@open-wc/testing';
import type { Observable } from 'rxjs';
import { customUpdates, toObservable } from '../../src/sources/custom-source.js';

/** Everything an Observable says until it completes or errors. */
function record<T>(observable: Observable<T>): Promise<{ values: T[]; error?: unknown; completed: boolean }> {
  return new Promise((resolve) => {
    const values: T[] = [];
    observable.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => resolve({ values, error, completed: false }),
      complete: () => resolve({ values, completed: true }),
    });
  });
}

describe('custom sources', () => {
  it('reads an iterable, a Promise, an async iterable and a ReadableStream to the end', async () => {
    expect(await record(toObservable([1, 2, new Set([3])]))).to.deep.equal({ values: [1, 2, new Set([3])], completed: true });
    expect(await record(toObservable(Promise.resolve(4)))).to.deep.equal({ values: [4], completed: true });
    const generated = (async function* () {
      yield 5;
      yield 6;
    })();
    expect(await record(toObservable(generated))).to.deep.equal({ values: [5, 6], completed: true });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(7);
        controller.close();
      },
    });
    expect(await record(toObservable(stream))).to.deep.equal({ values: [7], completed: true });
  });

  it('passes on a rejected Promise and a failing generator as errors', async () => {
    expect((await record(toObservable(Promise.reject(new Error('nope'))))).error).to.have.property('message', 'nope');
    const failing = (async function* () {
      yield 1;
      throw new Error('broken generator');
    })();
    const result = await record(toObservable(failing));
    expect(result.values).to.deep.equal([1]);
    expect(result.error).to.have.property('message', 'broken generator');
  });

  it('refuses what is none of these, a string included', () => {
    for (const value of [42, 'text', null, undefined, { next: () => 1 }, () => 1]) {
      expect(() => toObservable(value as never), String(value)).to.throw(TypeError);
    }
  });

  it('stops reading a stream and ends a generator when unsubscribed', async () => {
    let cancelled = false;
    const tick = () => new Promise((resolve) => setTimeout(resolve));
    const stream = new ReadableStream({
      pull: (controller) => tick().then(() => controller.enqueue(1)),
      cancel: () => void (cancelled = true),
    });
    const seen: number[] = [];
    const subscription = toObservable<number>(stream).subscribe((value) => seen.push(value));
    while (seen.length < 3) await tick();
    subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve));
    expect(cancelled).to.equal(true);
    let finished = false;
    const endless = (async function* () {
      try {
        for (;;) {
          await tick();
          yield 1;
        }
      } finally {
        finished = true;
      }
    })();
    const generated = toObservable(endless).subscribe();
    await new Promise((resolve) => setTimeout(resolve));
    generated.unsubscribe();
    await tick();
    await tick();
    expect(finished).to.equal(true);
  });

  it("turns a source's error into an error status and completes, never throwing", async () => {
    const result = await record(customUpdates(Promise.reject(new Error('backend down')), 'mine'));
    expect(result.completed).to.equal(true);
    expect(result.values).to.have.length(1);
    expect(result.values[0]).to.deep.include({ kind: 'status', status: 'error', source: 'mine' });
    expect((result.values[0] as { error: Error }).error.message).to.equal('mine: backend down');
  });
});
