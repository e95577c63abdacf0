// The mutable table one simulation run works on: members sorted once by public address, counts for one session type.
import { compareAddressTexts } from '../net/address';
import { loadPercent } from './load';
import type { ScenarioMember, SessionType } from './scenario';

/**
 * One column per member, in ascending public-address order (the director's own list).
 *
 * Performance: the counts live in typed arrays, one per field, so that a placement reads
 * a few contiguous numbers and allocates nothing; `load` caches each member's load and is
 * updated only for the member whose counts changed. Member order never changes after creation.
 */
export interface RedirectState {
  readonly size: number;
  readonly type: SessionType;
  readonly names: readonly string[];
  readonly publicIps: readonly string[];
  readonly priorities: readonly number[];
  /** 1 when the member is up, 0 when down. */
  readonly up: Uint8Array;
  readonly active: Float64Array;
  readonly inactive: Float64Array;
  readonly limit: Float64Array;
  readonly load: Float64Array;
  /** Index of the running director, or -1 when no unit is up. */
  director: number;
}

/** Builds the table for `type`; `director` is a member name or null for none. */
export function createRedirectState(
  members: readonly ScenarioMember[],
  type: SessionType,
  director: string | null,
): RedirectState {
  const sorted = [...members].sort((a, b) => compareAddressTexts(a.publicIp, b.publicIp));
  const size = sorted.length;
  const state: RedirectState = {
    size,
    type,
    names: sorted.map((m) => m.name),
    publicIps: sorted.map((m) => m.publicIp),
    priorities: sorted.map((m) => m.priority),
    up: new Uint8Array(size),
    active: new Float64Array(size),
    inactive: new Float64Array(size),
    limit: new Float64Array(size),
    load: new Float64Array(size),
    director: -1,
  };
  sorted.forEach((member, i) => {
    const counts = member[type];
    state.up[i] = member.up ? 1 : 0;
    state.active[i] = counts.active;
    // IPsec has no inactive sessions; the validator already refuses them, this keeps the table honest.
    state.inactive[i] = type === 'ssl' ? counts.inactive : 0;
    state.limit[i] = counts.limit;
    state.load[i] = loadPercent(counts.active, counts.limit);
  });
  state.director = director === null ? -1 : state.names.indexOf(director);
  return state;
}

/** Index of the member called `name`, or -1. */
export function memberIndex(state: RedirectState, name: string): number {
  return state.names.indexOf(name);
}

/** Every member's current load by name, in address order: the `loads` of one decision. */
export function snapshotLoads(state: RedirectState): Record<string, number> {
  const loads: Record<string, number> = {};
  for (let i = 0; i < state.size; i++) loads[state.names[i]!] = state.load[i]!;
  return loads;
}
