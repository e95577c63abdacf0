// probable-vip-typo: a participating device that is alone in its group, whose lbpublic subnet holds another group's
// virtual address, probably meant to join that group ("did you mean"); the fix replaces its virtual IPv4 address.
// Each group pass looks only at its own members, so a device is judged once, in the pass of its own group.
import type { DeviceSummary } from '../../group/summary';
import { addressToBigInt, networkOf, parseIPv4 } from '../../net/address';
import type { GroupContext } from './context';
import { distinctDevices, listFew, listNames, MAX_RELATED, memberName, relatedAt, relatedFew, report } from './members';

interface Candidate {
  clusterIp: string;
  members: DeviceSummary[];
}

interface Vip {
  clusterIp: string;
  /** The address as a number (IPv4 fits), for ordering and ranges. */
  value: number;
  members: DeviceSummary[];
}

/**
 * The workspace's groups by virtual IPv4 address, built once per pass over all summaries: all of them in address
 * order with running device counts (how many groups and devices a subnet holds is two binary searches), and the same
 * split by group size, largest first (the largest groups of a subnet are the first of each size's range).
 */
interface VipIndex {
  values: number[];
  /** devicesBefore[i]: the devices of the groups before index i. */
  devicesBefore: number[];
  bySize: { size: number; values: number[]; vips: Vip[] }[];
}

const indexes = new WeakMap<readonly DeviceSummary[], VipIndex>();

function vipIndex(all: readonly DeviceSummary[]): VipIndex {
  let index = indexes.get(all);
  if (index) return index;
  const byVip = new Map<string, DeviceSummary[]>();
  for (const other of all) {
    if (!other.clusterIp) continue;
    const list = byVip.get(other.clusterIp);
    if (list) list.push(other);
    else byVip.set(other.clusterIp, [other]);
  }
  const vips: Vip[] = [];
  for (const [clusterIp, members] of byVip) {
    const vip = parseIPv4(clusterIp);
    if (vip) vips.push({ clusterIp, value: Number(addressToBigInt(vip)), members: distinctDevices(members) });
  }
  vips.sort((a, b) => a.value - b.value);
  const devicesBefore = [0];
  for (const vip of vips) devicesBefore.push(devicesBefore[devicesBefore.length - 1]! + vip.members.length);
  const sizes = new Map<number, Vip[]>();
  for (const vip of vips) {
    const list = sizes.get(vip.members.length);
    if (list) list.push(vip);
    else sizes.set(vip.members.length, [vip]);
  }
  const bySize = [...sizes]
    .sort((a, b) => b[0] - a[0])
    .map(([size, list]) => ({ size, values: list.map((v) => v.value), vips: list }));
  index = { values: vips.map((v) => v.value), devicesBefore, bySize };
  indexes.set(all, index);
  return index;
}

/** The first index whose value is at least `value`. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many candidates a message names and offers a fix for; the rest are counted. */
const SHOWN = 3;

/**
 * The other groups whose virtual address lies in the device's public subnet: the few largest (ties by address), how
 * many groups there are and how many devices they hold. Binary searches in the index, never a pass over the groups.
 */
function candidatesFor(
  ctx: GroupContext,
  device: DeviceSummary,
): { shown: Candidate[]; total: number; devices: number } {
  const own = device.lbpublic;
  const network = own?.address ? parseIPv4(own.address) : null;
  if (!network || own?.prefix == null) return { shown: [], total: 0, devices: 0 };
  const low = Number(addressToBigInt(parseIPv4(networkOf(network, own.prefix))!));
  const high = low + 2 ** (32 - own.prefix) - 1;
  const index = vipIndex(ctx.all);
  const from = lowerBound(index.values, low);
  const to = lowerBound(index.values, high + 1);
  const ownVip = parseIPv4(ctx.group.clusterIp);
  const ownValue = ownVip ? Number(addressToBigInt(ownVip)) : -1;
  const ownInside = ownValue >= low && ownValue <= high;
  const total = to - from - (ownInside ? 1 : 0);
  const devices =
    index.devicesBefore[to]! - index.devicesBefore[from]! - (ownInside ? distinctDevices(ctx.members).length : 0);
  const shown: Candidate[] = [];
  for (const { values, vips } of index.bySize) {
    for (let i = lowerBound(values, low); i < values.length && values[i]! <= high && shown.length < SHOWN; i++) {
      if (vips[i]!.clusterIp !== ctx.group.clusterIp)
        shown.push({ clusterIp: vips[i]!.clusterIp, members: vips[i]!.members });
    }
    if (shown.length === SHOWN) break;
  }
  return { shown, total, devices };
}

export function checkProbableVipTypo(ctx: GroupContext): void {
  const devices = distinctDevices(ctx.members);
  // A virtual address that two or more devices share was typed on purpose: two groups may share a subnet.
  if (devices.length !== 1) return;
  const device = devices[0]!;
  if (!device.participates || !device.clusterIpRange) return;
  const { shown: candidates, total, devices: related } = candidatesFor(ctx, device);
  if (candidates.length === 0) return;
  const best = candidates[0]!;
  const names = (c: Candidate): string => listFew(c.members, (m) => memberName(m, c.members));
  const size = (c: Candidate): string =>
    c.members.length === 1 ? `the device ${names(c)}` : `the ${c.members.length} devices ${names(c)}`;
  const subnet = `${device.lbpublic!.address}/${device.lbpublic!.prefix}`;
  const others =
    total > 1
      ? ` (also in this subnet: ${listNames(
          candidates.slice(1).map((c) => c.clusterIp),
          total - 1,
        )})`
      : '';
  report(
    ctx,
    device,
    'probable-vip-typo',
    device.clusterIpRange,
    `Did you mean ${best.clusterIp}? This device's virtual address ${ctx.group.clusterIp} makes it a group of its own, while its public interface '${device.lbpublic!.nameif}' (${subnet}) is on the network of ${best.clusterIp}, the virtual address of ${size(best)}${others}. As written it never joins that group and takes none of its sessions.`,
    {
      related: relatedFew(
        candidates.flatMap((c) => c.members.slice(0, MAX_RELATED + 1).map((m) => ({ m, c }))),
        null,
        ({ m, c }) =>
          relatedAt(
            m,
            m.clusterIpRange ?? m.headerRange,
            `${memberName(m, c.members)} uses the virtual address ${c.clusterIp}.`,
          ),
        ({ m, c }, count) =>
          relatedAt(
            m,
            m.clusterIpRange ?? m.headerRange,
            `${memberName(m, c.members)} and ${(count - 1).toLocaleString('en')} more devices use virtual addresses in this subnet (not listed).`,
          ),
        related,
      ),
      fixes: candidates.map((c, i) => ({
        title: `Change the virtual address to ${c.clusterIp} (the group of ${names(c)})`,
        edits: [{ range: device.clusterIpRange!, newText: c.clusterIp }],
        preferred: i === 0 && (candidates.length === 1 || candidates[1]!.members.length < c.members.length),
      })),
    },
  );
}
