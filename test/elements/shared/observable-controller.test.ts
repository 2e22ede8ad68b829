import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BehaviorSubject, Observable } from 'rxjs';
import { ObservableController } from '../../../src/elements/shared/observable-controller.js';
import { shareLatest } from '../../../src/store/share-latest.js';

/** A host that only records what the controller asks of it. */
function host() {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const target: ReactiveControllerHost = {
    addController: (controller) => void controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  return {
    target,
    connect: () => controllers.forEach((controller) => controller.hostConnected?.()),
    /** What Lit does before each render: the controllers' hostUpdate. */
    update: () => controllers.forEach((controller) => controller.hostUpdate?.()),
    disconnect: () => controllers.forEach((controller) => controller.hostDisconnected?.()),
    updates: () => updates,
  };
}

/** An Observable that counts who is subscribed. */
function counted<T>(value: T) {
  const subject = new BehaviorSubject(value);
  const counter = { open: 0, opened: 0 };
  const observable = new Observable<T>((subscriber) => {
    counter.open++;
    counter.opened++;
    const subscription = subject.subscribe(subscriber);
    return () => {
      counter.open--;
      subscription.unsubscribe();
    };
  });
  return { subject, counter, observable };
}

/** A controller that follows whatever Observable `input.observable` holds, counting how often it is made. */
function following<T>(page: ReturnType<typeof host>, initial: T, input: { observable: Observable<T> }) {
  const made = { count: 0 };
  const controller = new ObservableController(page.target, initial, {
    args: () => [input.observable] as const,
    observable: ([observable]) => {
      made.count++;
      return observable;
    },
  });
  return { controller, made };
}

describe('ObservableController', () => {
  it('subscribes only while its host is in the page, and asks for an update on each value', async () => {
    const page = host();
    const { subject, counter, observable } = counted('first');
    const { controller } = following(page, 'initial', { observable });
    page.update();
    expect(counter.opened, 'not before the host is connected').to.equal(0);
    page.connect();
    expect(controller.value).to.equal('first');
    subject.next('second');
    expect(controller.value).to.equal('second');
    expect(page.updates()).to.equal(2);
    page.disconnect();
    await Promise.resolve();
    expect(counter.open).to.equal(0);
  });

  it('keeps its subscription when the host is moved (taken out and put back at once)', async () => {
    const page = host();
    const { counter, observable } = counted('value');
    following(page, '', { observable });
    page.connect();
    page.update();
    page.disconnect();
    page.connect();
    page.update();
    await Promise.resolve();
    expect(counter).to.deep.equal({ open: 1, opened: 1 });
  });

  it('follows an Observable set while the host was out, when it is put back', async () => {
    const page = host();
    const first = counted('first');
    const second = counted('second');
    const input = { observable: first.observable };
    const { controller } = following(page, '', input);
    page.connect();
    page.update();
    page.disconnect();
    input.observable = second.observable;
    page.connect();
    page.update();
    await Promise.resolve();
    expect(controller.value).to.equal('second');
    expect(first.counter.open).to.equal(0);
    expect(second.counter.open).to.equal(1);
  });

  it('subscribes the new Observable before letting go of the old, so what both share keeps running', () => {
    const page = host();
    const { counter, observable } = counted('shared');
    let idle = 0;
    const shared = shareLatest(observable, () => idle++);
    const input = { observable: shared };
    following(page, '', input);
    page.connect();
    page.update();
    input.observable = new Observable<string>((subscriber) => shared.subscribe(subscriber));
    page.update();
    expect(idle, 'the shared source never went idle').to.equal(0);
    expect(counter).to.deep.equal({ open: 1, opened: 1 });
  });

  it('makes the Observable anew only when an input changed, as @lit/task runs its task', () => {
    const page = host();
    const input = { observable: counted('a').observable };
    const { controller, made } = following(page, '', input);
    page.connect();
    page.update();
    page.update();
    expect(made.count).to.equal(1);
    input.observable = counted('b').observable;
    page.update();
    expect(made.count).to.equal(2);
    expect(controller.value).to.equal('b');
  });
});
