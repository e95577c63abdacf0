// probable-vip-typo: a participating device that is alone in its group, whose lbpublic subnet holds another group's
// virtual address, probably meant to join that group ("did you mean"); the fix replaces its virtual IPv4 address.
// Each group pass looks only at its own members, so a device is judged once, in the pass of its own group.
import type { DeviceSummary } from '../../group/summary';
import { compareAddressTexts, inSubnet, parseIPv4 } from '../../net/address';
import type { GroupContext } from './context';
import { distinctDevices, listNames, memberName, relatedAt, report } from './members';

interface Candidate {
  clusterIp: string;
  members: DeviceSummary[];
}

/** The other groups of the workspace whose virtual address lies in the device's public subnet, largest first. */
function candidatesFor(ctx: GroupContext, device: DeviceSummary): Candidate[] {
  const own = device.lbpublic;
  const network = own?.address ? parseIPv4(own.address) : null;
  if (!network || own?.prefix == null) return [];
  const byVip = new Map<string, DeviceSummary[]>();
  for (const other of ctx.all) {
    if (!other.clusterIp || other.clusterIp === ctx.group.clusterIp) continue;
    byVip.set(other.clusterIp, [...(byVip.get(other.clusterIp) ?? []), other]);
  }
  const candidates: Candidate[] = [];
  for (const [clusterIp, members] of byVip) {
    const vip = parseIPv4(clusterIp);
    if (vip && inSubnet(vip, network, own.prefix)) candidates.push({ clusterIp, members: distinctDevices(members) });
  }
  return candidates.sort((a, b) => b.members.length - a.members.length || compareAddressTexts(a.clusterIp, b.clusterIp));
}

export function checkProbableVipTypo(ctx: GroupContext): void {
  const devices = distinctDevices(ctx.members);
  // A virtual address that two or more devices share was typed on purpose: two groups may share a subnet.
  if (devices.length !== 1) return;
  const device = devices[0]!;
  if (!device.participates || !device.clusterIpRange) return;
  const candidates = candidatesFor(ctx, device);
  if (candidates.length === 0) return;
  const best = candidates[0]!;
  const names = (c: Candidate): string => listNames(c.members.map((m) => memberName(m, c.members)));
  const size = (c: Candidate): string => (c.members.length === 1 ? `the device ${names(c)}` : `the ${c.members.length} devices ${names(c)}`);
  const subnet = `${device.lbpublic!.address}/${device.lbpublic!.prefix}`;
  const others = candidates.length > 1 ? ` (also in this subnet: ${candidates.slice(1).map((c) => c.clusterIp).join(', ')})` : '';
  report(ctx, device, 'probable-vip-typo', device.clusterIpRange, `Did you mean ${best.clusterIp}? This device's virtual address ${ctx.group.clusterIp} makes it a group of its own, while its public interface '${device.lbpublic!.nameif}' (${subnet}) is on the network of ${best.clusterIp}, the virtual address of ${size(best)}${others}. As written it never joins that group and takes none of its sessions.`, {
    related: candidates.flatMap((c) => c.members.map((m) => relatedAt(m, m.clusterIpRange ?? m.headerRange, `${memberName(m, c.members)} uses the virtual address ${c.clusterIp}.`))),
    fixes: candidates.map((c, i) => ({
      title: `Change the virtual address to ${c.clusterIp} (the group of ${names(c)})`,
      edits: [{ range: device.clusterIpRange!, newText: c.clusterIp }],
      preferred: i === 0 && (candidates.length === 1 || candidates[1]!.members.length < c.members.length),
    })),
  });
}
