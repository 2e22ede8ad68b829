const queue: (() => void)[] = [];
let channel: MessageChannel | undefined;

/**
 * Runs `run` in a task of its own, after those already asked for (in order): `scheduler.postTask`
 * where there is one, else a message to ourselves on one channel (messages on one port arrive in
 * order; across channels WebKit does not keep it). Neither is a timer that fake clocks hold back.
 */
export function nextTask(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<unknown> } }).scheduler;
  if (scheduler?.postTask) {
    void scheduler.postTask(run);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(run);
  channel.port2.postMessage(0);
}
