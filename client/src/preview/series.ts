// The sessions each member holds after every decision of a run, for the preview's chart. Bookkeeping only: the
// decisions themselves (who gets each session) come from the server; this counts them up from the starting sessions.
import type { SimulatedDecision } from '../../../server/src/protocol';

export interface SessionSeries {
  /** Member names, in the order of `points`. */
  names: string[];
  /** points[m][j]: member m's active sessions after j decisions (j = 0 … decisions.length, or one more, see below). */
  points: number[][];
  /** After how many decisions the failure happened, or null when nothing failed. */
  failureAt: number | null;
}

export interface FailurePoint {
  name: string;
  /** The failure happens just before new session number `before` (reconnects are not new sessions). */
  before: number;
}

/**
 * Counts each member's active sessions along the run. The failed member's sessions end at the failure; they come
 * back as reconnect decisions, which (like new sessions) add one to their target. When the failure comes after the
 * last decision, one more point shows the drop.
 */
export function sessionSeries(
  start: readonly { name: string; active: number }[],
  decisions: readonly SimulatedDecision[],
  failure: FailurePoint | null,
): SessionSeries {
  const names = start.map((m) => m.name);
  const counts = start.map((m) => m.active);
  const points = counts.map((c) => [c]);
  let newSessions = 0;
  let failureAt: number | null = null;
  const fail = (at: number): void => {
    const index = failure ? names.indexOf(failure.name) : -1;
    if (index >= 0) counts[index] = 0;
    failureAt = at;
  };
  decisions.forEach((decision, i) => {
    if (failure && failureAt === null && newSessions === failure.before) fail(i);
    if (decision.target !== null) {
      const index = names.indexOf(decision.target);
      if (index >= 0) counts[index]! += 1;
    }
    if (!decision.reconnect) newSessions++;
    counts.forEach((c, m) => points[m]!.push(c));
  });
  if (failure && failureAt === null && newSessions === failure.before) {
    fail(decisions.length);
    counts.forEach((c, m) => points[m]!.push(c));
  }
  return { names, points, failureAt };
}
