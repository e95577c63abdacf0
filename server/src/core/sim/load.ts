// The load of one member for one session type, as the director computes it (the first step of the redirect decision).

/** A load at or above this percentage means the member is full and gets no new session of that type. */
export const FULL_LOAD = 100;

/**
 * `roundHalfUp(100 × active / limit)` as an integer percent, computed without floating-point error.
 *
 * 100·a/l rounded half up equals floor((100·a/l) + ½) = floor((200·a + l) / (2·l)).
 * Both operands are exact integers below 2^53 for any count the scenario validator accepts,
 * and the one division is then floored, so 1/200 gives exactly 1 and 199/200 exactly 100.
 * A limit of 0 means the member cannot take this type at all, which the director sees as full.
 */
export function loadPercent(active: number, limit: number): number {
  if (limit <= 0) return FULL_LOAD;
  return Math.floor((200 * active + limit) / (2 * limit));
}

/** True when a member with this load can take no new session. */
export function isFull(load: number): boolean {
  return load >= FULL_LOAD;
}
