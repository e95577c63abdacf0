// The director's redirect decision for one new session (steps 2–8 of the decision below; step 1, the load, is `load.ts`), on the RedirectState table.
import { FULL_LOAD, loadPercent } from './load';
import type { RedirectState } from './state';

/**
 * Which step of the decision decided a session: the director kept it (step 3), a member had the lowest load (4),
 * the fewest sessions among those tied on load (5), the lowest address among those still tied (6),
 * or nobody could take it (7).
 */
export type RedirectRule = 'director' | 'lowest-load' | 'fewest-sessions' | 'lowest-ip' | 'none';

/** Where the session goes: a member index, or -1 when refused. Reused across calls to avoid allocation. */
export interface RedirectChoice {
  target: number;
  rule: RedirectRule;
}

/** A fresh choice object, for callers that keep one and pass it to every `chooseTarget` call. */
export function newChoice(): RedirectChoice {
  return { target: -1, rule: 'none' };
}

/**
 * Decides where the next session of the state's type goes and writes it into `out`.
 *
 * Hot path: one pass over the members, no allocation. Because members are sorted by address,
 * the first member found with the best (load, sessions) pair is also the one with the lowest address,
 * so step 6 needs no comparison of its own; counting the ties on the way tells which step decided.
 */
export function chooseTarget(state: RedirectState, out: RedirectChoice): RedirectChoice {
  const { size, up, load, active, director } = state;
  let best = -1;
  let bestLoad = 0;
  let bestActive = 0;
  let tiedOnLoad = 0;
  let tiedOnBoth = 0;
  for (let i = 0; i < size; i++) {
    if (i === director || up[i] === 0) continue;
    const memberLoad = load[i]!;
    if (memberLoad >= FULL_LOAD) continue;
    const memberActive = active[i]!;
    if (best < 0 || memberLoad < bestLoad) {
      best = i;
      bestLoad = memberLoad;
      bestActive = memberActive;
      tiedOnLoad = 1;
      tiedOnBoth = 1;
    } else if (memberLoad === bestLoad) {
      tiedOnLoad++;
      if (memberActive < bestActive) {
        best = i;
        bestActive = memberActive;
        tiedOnBoth = 1;
      } else if (memberActive === bestActive) {
        tiedOnBoth++;
      }
    }
  }

  // Step 3: the director keeps the session when it is eligible and every other eligible member is at least 1 % above it.
  if (
    director >= 0 &&
    up[director] === 1 &&
    load[director]! < FULL_LOAD &&
    (best < 0 || bestLoad >= load[director]! + 1)
  ) {
    out.target = director;
    out.rule = 'director';
  } else if (best < 0) {
    out.target = -1;
    out.rule = 'none';
  } else {
    out.target = best;
    out.rule = tiedOnLoad === 1 ? 'lowest-load' : tiedOnBoth === 1 ? 'fewest-sessions' : 'lowest-ip';
  }
  return out;
}

/**
 * Gives member `target` one more active session and refreshes its load.
 * Step 8: when its active and inactive sessions together have reached its limit, the unit first logs off
 * its longest-inactive session. Returns true when that happened.
 */
export function placeSession(state: RedirectState, target: number): boolean {
  const { active, inactive, limit, load } = state;
  let loggedOff = false;
  if (inactive[target]! > 0 && active[target]! + inactive[target]! >= limit[target]!) {
    inactive[target] = inactive[target]! - 1;
    loggedOff = true;
  }
  active[target] = active[target]! + 1;
  load[target] = loadPercent(active[target]!, limit[target]!);
  return loggedOff;
}

/** Takes member `index` down: its sessions end. Returns how many active sessions it held (they will reconnect). */
export function failMember(state: RedirectState, index: number): { active: number; inactive: number } {
  const dropped = { active: state.active[index]!, inactive: state.inactive[index]! };
  state.up[index] = 0;
  state.active[index] = 0;
  state.inactive[index] = 0;
  state.load[index] = loadPercent(0, state.limit[index]!);
  return dropped;
}
