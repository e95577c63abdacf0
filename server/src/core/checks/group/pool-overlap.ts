// pool-overlap: an `ip local pool` (or `ipv6 local pool`) of one member overlaps a pool of another member of the
// group; each overlapping pool line is reported once, pointing at every pool of the other members it overlaps.
import type { DeviceSummary } from '../../group/summary';
import type { PoolModel } from '../../model/device';
import { addressToBigInt, parseAddress } from '../../net/address';
import type { GroupContext } from './context';
import {
  distinctDevices,
  listNames,
  MAX_LISTED,
  MAX_RELATED,
  memberName,
  relatedAt,
  relatedFew,
  report,
} from './members';

interface Span {
  member: DeviceSummary;
  pool: PoolModel;
  family: 'ipv4' | 'ipv6';
  low: bigint;
  high: bigint;
  /** The range as written, for messages. */
  text: string;
}

/** The pool's addresses as an inclusive numeric range; an IPv6 pool is its first address and the next count-1. */
function spanOf(member: DeviceSummary, pool: PoolModel): Span | null {
  const first = parseAddress(pool.first);
  if (!first || first.kind() !== pool.family) return null;
  const low = addressToBigInt(first);
  if (pool.family === 'ipv4') {
    const last = parseAddress(pool.last ?? pool.first);
    if (!last || last.kind() !== 'ipv4') return null;
    const high = addressToBigInt(last);
    // A reversed range is rejected by the device; the single-device checks own that.
    return high >= low
      ? { member, pool, family: 'ipv4', low, high, text: `${pool.first}-${pool.last ?? pool.first}` }
      : null;
  }
  // The device requires the address count; without it the extent of the pool is unknown.
  if (pool.count === null || pool.count < 1) return null;
  return {
    member,
    pool,
    family: 'ipv6',
    low,
    high: low + BigInt(pool.count) - 1n,
    text: `${pool.first}, ${pool.count} addresses`,
  };
}

export function checkPoolOverlap(ctx: GroupContext): void {
  const members = distinctDevices(ctx.members);
  const spans = members.flatMap((m) => m.pools.map((p) => spanOf(m, p)).filter((s): s is Span => s !== null));
  // Per family, the pools in order of their first address, and their lows and highs sorted, so that how many pools
  // overlap a range is two binary searches (those starting at or before its end, less those ending before its start).
  const families = new Map<string, { spans: Span[]; lows: bigint[]; highs: bigint[] }>();
  for (const family of ['ipv4', 'ipv6']) {
    const of = spans.filter((s) => s.family === family).sort((a, b) => (a.low < b.low ? -1 : a.low > b.low ? 1 : 0));
    const sorted = (values: bigint[]) => values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    families.set(family, { spans: of, lows: sorted(of.map((s) => s.low)), highs: sorted(of.map((s) => s.high)) });
  }
  for (const own of spans) {
    const { spans: ordered, lows, highs } = families.get(own.family)!;
    // Only pools of different members clash here: a device's own pools are a single-device matter.
    const ownOverlaps = own.member.pools
      .map((p) => spanOf(own.member, p))
      .filter((s) => s !== null && s.family === own.family && s.low <= own.high && own.low <= s.high).length;
    const total = countAtMost(lows, own.high) - countBelow(highs, own.low) - ownOverlaps;
    if (total <= 0) continue;
    const clashes: Span[] = [];
    for (const o of ordered) {
      if (o.low > own.high || clashes.length > MAX_RELATED) break;
      if (o.member !== own.member && own.low <= o.high) clashes.push(o);
    }
    const names = listNames(
      clashes.slice(0, MAX_LISTED).map((c) => `'${c.pool.name}' of ${memberName(c.member, ctx.members)} (${c.text})`),
      total,
    );
    report(
      ctx,
      own.member,
      'pool-overlap',
      own.pool.range,
      `Pool '${own.pool.name}' (${own.text}) overlaps pool ${names}. Each member hands out client addresses from its own pools without asking the others, so two clients could get the same address; give every member a range of its own.`,
      {
        related: relatedFew(
          clashes,
          null,
          (c) =>
            relatedAt(
              c.member,
              c.pool.range,
              `Pool '${c.pool.name}' of ${memberName(c.member, ctx.members)}: ${c.text}.`,
            ),
          (c, count) =>
            relatedAt(
              c.member,
              c.pool.range,
              `Pool '${c.pool.name}' of ${memberName(c.member, ctx.members)} and ${(count - 1).toLocaleString('en')} more pools overlap it (not listed).`,
            ),
          total,
        ),
      },
    );
  }
}

/** How many of the sorted values are at most `limit`. */
function countAtMost(sorted: readonly bigint[], limit: bigint): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted values are below `limit`. */
function countBelow(sorted: readonly bigint[], limit: bigint): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
