// pool-overlap: an `ip local pool` (or `ipv6 local pool`) of one member overlaps a pool of another member of the
// group; each overlapping pool line is reported once, pointing at every pool of the other members it overlaps.
import type { DeviceSummary } from '../../group/summary';
import type { PoolModel } from '../../model/device';
import { addressToBigInt, parseAddress } from '../../net/address';
import type { GroupContext } from './context';
import { distinctDevices, listNames, memberName, relatedAt, report } from './members';

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
    return high >= low ? { member, pool, family: 'ipv4', low, high, text: `${pool.first}-${pool.last ?? pool.first}` } : null;
  }
  // The device requires the address count; without it the extent of the pool is unknown.
  if (pool.count === null || pool.count < 1) return null;
  return { member, pool, family: 'ipv6', low, high: low + BigInt(pool.count) - 1n, text: `${pool.first}, ${pool.count} addresses` };
}

export function checkPoolOverlap(ctx: GroupContext): void {
  const members = distinctDevices(ctx.members);
  const spans = members.flatMap((m) => m.pools.map((p) => spanOf(m, p)).filter((s): s is Span => s !== null));
  for (const own of spans) {
    // Only pools of different members clash here: a device's own pools are a single-device matter.
    const clashes = spans.filter((o) => o.member !== own.member && o.family === own.family && o.low <= own.high && own.low <= o.high);
    if (clashes.length === 0) continue;
    const names = listNames(clashes.map((c) => `'${c.pool.name}' of ${memberName(c.member, ctx.members)} (${c.text})`));
    report(ctx, own.member, 'pool-overlap', own.pool.range, `Pool '${own.pool.name}' (${own.text}) overlaps pool ${names}. Each member hands out client addresses from its own pools without asking the others, so two clients could get the same address; give every member a range of its own.`, {
      related: clashes.map((c) => relatedAt(c.member, c.pool.range, `Pool '${c.pool.name}' of ${memberName(c.member, ctx.members)}: ${c.text}.`)),
    });
  }
}
