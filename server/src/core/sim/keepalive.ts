// The keepalive timeout as data (a member retries its director every 4 s and gives up after five retries), so that the preview can draw when a member gives up on its director.

/** A member sends a regular keepalive this often (seconds) while the previous one was answered. */
export const KEEPALIVE_INTERVAL_SECONDS = 1;
/** After an unanswered keepalive the member retries this many times… */
export const KEEPALIVE_RETRY_COUNT = 5;
/** …once every this many seconds (it waits three seconds and sends on the fourth). */
export const KEEPALIVE_RETRY_INTERVAL_SECONDS = 4;

export type KeepaliveEventKind = 'keepalive-answered' | 'keepalive-unanswered' | 'retry' | 'director-gone' | 'election';

export interface KeepaliveEvent {
  /** Seconds since the keepalive that went unanswered (negative: before it). */
  t: number;
  kind: KeepaliveEventKind;
  /** 1-based retry number, for `retry` events only. */
  attempt?: number;
  /** One sentence for the preview's tooltip. */
  label: string;
}

/** When the member declares the director gone: after the last retry's window has passed unanswered. */
export const DIRECTOR_GONE_AFTER_SECONDS =
  KEEPALIVE_RETRY_COUNT * KEEPALIVE_RETRY_INTERVAL_SECONDS + KEEPALIVE_RETRY_INTERVAL_SECONDS;

/**
 * The timeline of one member losing its director, from a few answered keepalives before t = 0
 * to the election at t = 24 s. `answeredBefore` is how many answered keepalives to show first.
 */
export function keepaliveTimeline(answeredBefore = 3): KeepaliveEvent[] {
  const events: KeepaliveEvent[] = [];
  for (let i = answeredBefore; i >= 1; i--) {
    events.push({
      t: -i * KEEPALIVE_INTERVAL_SECONDS,
      kind: 'keepalive-answered',
      label: "Keepalive with this member's load, answered by the director.",
    });
  }
  events.push({
    t: 0,
    kind: 'keepalive-unanswered',
    label: 'Keepalive sent; no answer comes, so regular keepalives stop.',
  });
  for (let attempt = 1; attempt <= KEEPALIVE_RETRY_COUNT; attempt++) {
    events.push({
      t: attempt * KEEPALIVE_RETRY_INTERVAL_SECONDS,
      kind: 'retry',
      attempt,
      label: `Retry ${attempt} of ${KEEPALIVE_RETRY_COUNT}, sent after waiting ${KEEPALIVE_RETRY_INTERVAL_SECONDS - 1} seconds; no answer.`,
    });
  }
  events.push({
    t: DIRECTOR_GONE_AFTER_SECONDS,
    kind: 'director-gone',
    label:
      'The last retry went unanswered for its whole window: the director is declared gone (the product\'s reading of "repeats five times": five retries, then 24 s).',
  });
  events.push({
    t: DIRECTOR_GONE_AFTER_SECONDS,
    kind: 'election',
    label: 'The member starts a director election among the units that are still up.',
  });
  return events;
}
