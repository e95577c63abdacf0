// Director election: the highest priority wins, ties go to the lowest public address.
import { compareAddressTexts } from '../net/address';

/** The priority a unit has when `priority` is not configured (the product's assumption: the device's documentation gives no default). */
export const DEFAULT_PRIORITY = 5;

/** Anything that can stand in an election: a scenario member, a device of a workspace group. */
export interface ElectionCandidate {
  /** The lbpublic address as text; null or unparsable addresses lose every address tie-break. */
  publicIp: string | null;
  /** Null or absent means the default priority. */
  priority?: number | null;
  /** Absent means up. */
  up?: boolean;
  /** Absent means participating. */
  participates?: boolean;
}

/**
 * Which comparison decided the election.
 * `priority`: the winner's priority was higher than every other candidate's (or it stood alone).
 * `lowest-ip`: several candidates shared the highest priority and the winner had the lowest address.
 */
export type ElectionRule = 'priority' | 'lowest-ip';

export interface ElectionResult<T> {
  winner: T;
  /** Position of the winner in the list that was passed in. */
  index: number;
  rule: ElectionRule;
  /** How many units stood (up and participating). */
  candidates: number;
  /** How many of them shared the winning priority; more than one means the address decided. */
  tiedOnPriority: number;
}

/**
 * Elects a director among the units that are up and participating, all starting together.
 * Returns null when no unit can stand. The result does not depend on the order of `members`,
 * except between units with equal priority and equal (or equally unusable) addresses, where the first listed wins.
 *
 * Elections are not pre-emptive: call this only when there is no working director
 * (at start-up, or after the director failed), never because a better unit joined.
 */
export function electDirector<T extends ElectionCandidate>(members: readonly T[]): ElectionResult<T> | null {
  let best: { member: T; index: number } | null = null;
  let candidates = 0;
  let tied = 0;
  for (const [index, member] of members.entries()) {
    if (member.up === false || member.participates === false) continue;
    candidates++;
    if (!best) {
      best = { member, index };
      tied = 1;
      continue;
    }
    const byPriority = priorityOf(member) - priorityOf(best.member);
    if (byPriority > 0) {
      best = { member, index };
      tied = 1;
    } else if (byPriority === 0) {
      tied++;
      if (compareAddressTexts(member.publicIp ?? '', best.member.publicIp ?? '') < 0) best = { member, index };
    }
  }
  if (!best) return null;
  return {
    winner: best.member,
    index: best.index,
    rule: tied > 1 ? 'lowest-ip' : 'priority',
    candidates,
    tiedOnPriority: tied,
  };
}

function priorityOf(candidate: ElectionCandidate): number {
  return candidate.priority ?? DEFAULT_PRIORITY;
}

/** Who directs the group after a change in which units are up; `kept` is true when the running director stayed. */
export interface RunningDirector<T> {
  director: T | null;
  kept: boolean;
  /** The election that was held, when the running director was gone (or there was none). */
  election: ElectionResult<T> | null;
}

/**
 * Applies the no-pre-emption rule: the running director (`current`, by name) keeps the role as long as it is up
 * and participating, even when a unit with a higher priority has joined since. Only when it is gone (or there is
 * none yet) do the units that are up elect a new one. This is what the preview uses when the user toggles units.
 */
export function runningDirector<T extends ElectionCandidate & { name: string }>(
  current: string | null,
  members: readonly T[],
): RunningDirector<T> {
  const running = current === null ? undefined : members.find((m) => m.name === current);
  if (running && running.up !== false && running.participates !== false)
    return { director: running, kept: true, election: null };
  const election = electDirector(members);
  return { director: election ? election.winner : null, kept: false, election };
}
