// The scheduler's timers in a form both hosts have: Node's extension host and a browser's web worker, which has no
// setImmediate and no `node:timers`.

/** A pending callback that can be called off. */
export interface Pending {
  cancel(): void;
}

type Immediate = (callback: () => void) => unknown;
type ClearImmediate = (handle: unknown) => void;
const host = globalThis as { setImmediate?: Immediate; clearImmediate?: ClearImmediate };

/**
 * Runs `callback` once the messages already received have been handled: setImmediate where it exists (Node), else a
 * zero timeout (a worker), which also runs after the queued messages.
 */
export function afterQueued(callback: () => void): Pending {
  if (host.setImmediate && host.clearImmediate) {
    const handle = host.setImmediate(callback);
    const clear = host.clearImmediate;
    return { cancel: () => clear(handle) };
  }
  const handle = setTimeout(callback, 0);
  return { cancel: () => clearTimeout(handle) };
}

/** Resolves once the messages already received have been handled. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => afterQueued(resolve));
}

/** Resolves after `ms`; in Node the timer does not keep the process alive. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms) as unknown as { unref?: () => void };
    timer.unref?.();
  });
}
