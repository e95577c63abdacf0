// Waiting on the editor without sleeping: a condition is checked once, then again on every event that could change
// it, until it holds or a deadline passes; the deadline's error says what was awaited and what was last seen.
import * as vscode from 'vscode';

/**
 * How long one expectation may take to come true. Generous (the workbench shares two cores with the browser, and
 * answers come in well under two seconds here), yet short enough that a run where every wait fails still reports
 * within the end-to-end test's time limit.
 */
export const WAIT_MS = 20_000;

/**
 * Resolves with the first defined value `probe` returns, checking now and after each of `events`.
 * `describe` tells, on timeout, what the editor showed instead.
 */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  events: vscode.Event<unknown>[],
  describe: () => string = () => '',
  timeoutMs = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (action: () => void): void => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      action();
    };
    const check = (): boolean => {
      let value: T | undefined;
      try {
        value = probe();
      } catch (error) {
        finish(() => reject(error));
        return true;
      }
      if (value === undefined) return false;
      finish(() => resolve(value));
      return true;
    };
    const timer = setTimeout(() => {
      const seen = describe();
      finish(() =>
        reject(
          new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.${seen ? ` Last seen: ${seen}` : ''}`),
        ),
      );
    }, timeoutMs);
    if (check()) return;
    for (const event of events) subscriptions.push(event(() => void check()));
  });
}
