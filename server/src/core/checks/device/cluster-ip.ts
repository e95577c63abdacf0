// cluster-ip-missing, cluster-ip-outside-public-subnet and cluster-ip-conflict: the virtual address must be set,
// lie in the public interface's subnet (IPv4, and IPv6 when both have one), and not be an address of one of this
// device's interfaces. Interface addresses written as `names` aliases are compared by the address they stand for.
import { insertLinesAfter } from '../../fixes/edits';
import type { Range } from '../../types';
import type { InterfaceModel, LbModel, Located } from '../../model/device';
import { lbInterface } from '../../model/lb-interface';
import { inSubnet, networkOf, parseAddress, sameAddress } from '../../net/address';
import { here, lbInsertAfter, lbLinePrefix, type DeviceContext } from '../context';
import { ipv4Placeholder } from './block-syntax';

export function checkClusterIp(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  const vip = lb.clusterIp;
  if (!vip) {
    reportMissing(ctx);
    return;
  }
  const v4 = vip.value.ipv4 ? parseAddress(vip.value.ipv4) : null;
  const v6 = vip.value.ipv6 ? parseAddress(vip.value.ipv6) : null;

  const publicName = lb.lbpublic?.value;
  const ownPublic = lbInterface(ctx.device, 'lbpublic');
  const publicIntf = ownPublic ?? (ctx.base ? lbInterface(ctx.device, 'lbpublic', ctx.base) : undefined);
  if (publicIntf && publicName) {
    const label = `'${publicIntf.nameif?.value ?? publicName}'`;
    const related = (intf: InterfaceModel, line: { lineRange: Range } | undefined, text: string) =>
      line && intf === ownPublic ? [here(ctx, line.lineRange, text)] : [];
    if (v4 && publicIntf.ipv4 && publicIntf.ipv4.prefix !== null) {
      const network = parseAddress(publicIntf.ipv4.address.value);
      if (network && network.kind() === 'ipv4' && !inSubnet(v4, network, publicIntf.ipv4.prefix)) {
        const subnet = `${networkOf(network, publicIntf.ipv4.prefix)}/${publicIntf.ipv4.prefix}`;
        ctx.report(
          'cluster-ip-outside-public-subnet',
          vip.range,
          `The virtual address ${vip.value.ipv4} is outside the public interface ${label} subnet ${subnet}. The chapter asks for a virtual address within the public subnet shared by the members: clients and members reach it on that interface. Choose a free address in ${subnet}.`,
          {
            related: related(
              publicIntf,
              publicIntf.ipv4.address,
              `${label} has ${publicIntf.ipv4.address.value}/${publicIntf.ipv4.prefix}.`,
            ),
          },
        );
      }
    } else if (v4 && !publicIntf.ipv4 && !publicIntf.ipv4Dhcp) {
      ctx.report(
        'cluster-ip-outside-public-subnet',
        vip.range,
        `The public interface ${label} has no IPv4 address, so the virtual IPv4 address ${vip.value.ipv4} cannot lie in its subnet. The IPv4 virtual address is mandatory and the chapter asks for one within the public subnet: give ${label} an IPv4 address.`,
        {
          related: ownPublic
            ? [here(ctx, ownPublic.headerRange, `${label} is configured here without 'ip address'.`)]
            : [],
        },
      );
    }
    const prefixes = publicIntf.ipv6.filter((a) => a.prefix !== null);
    if (v6 && vip.value.ipv6 && prefixes.length > 0) {
      const inside = prefixes.some((a) => {
        const network = parseAddress(a.address.value);
        return network !== null && inSubnet(v6, network, a.prefix!);
      });
      if (!inside) {
        const list = prefixes
          .map((a) => `${networkOf(parseAddress(a.address.value)!, a.prefix!)}/${a.prefix}`)
          .join(', ');
        const v6Range = ipv6TokenRange(ctx, vip);
        ctx.report(
          'cluster-ip-outside-public-subnet',
          v6Range,
          `The virtual IPv6 address ${vip.value.ipv6} is outside the IPv6 prefix${prefixes.length > 1 ? 'es' : ''} of the public interface ${label} (${list}). Like the IPv4 one, it must be reachable on the public interface; choose an address in ${list}.`,
          {
            related: related(
              publicIntf,
              prefixes[0]!.address,
              `${label} has ${prefixes[0]!.address.value}/${prefixes[0]!.prefix}.`,
            ),
          },
        );
      }
    }
  }

  // Every interface address of the device is compared, thousands on a large config, without a list per interface.
  const clashes = (address: Located<string> | null | undefined): address is Located<string> => {
    const parsed = address ? parseAddress(address.value) : null;
    return parsed !== null && ((v4 !== null && sameAddress(parsed, v4)) || (v6 !== null && sameAddress(parsed, v6)));
  };
  for (const intf of ctx.device.interfaces) {
    const own: Located<string>[] = [];
    if (clashes(intf.ipv4?.address)) own.push(intf.ipv4!.address);
    if (clashes(intf.ipv4?.standby)) own.push(intf.ipv4!.standby!);
    for (const a of intf.ipv6) {
      if (clashes(a.address)) own.push(a.address);
      if (clashes(a.standby)) own.push(a.standby!);
    }
    for (const address of own) {
      const which = intf.nameif ? `interface '${intf.nameif.value}' (${intf.hwid})` : `interface ${intf.hwid}`;
      const standby = address === intf.ipv4?.standby || intf.ipv6.some((a) => a.standby === address);
      ctx.report(
        'cluster-ip-conflict',
        vip.range,
        `The virtual address ${address.value} is also the ${standby ? 'standby ' : ''}address of ${which}. The virtual address belongs to whichever device is director, which claims it when elected; it must be a free address of the public subnet.`,
        {
          related: [here(ctx, address.lineRange, `${which} uses ${address.value}.`)],
        },
      );
    }
  }
}

function reportMissing(ctx: DeviceContext): void {
  const lb = ctx.device.lb!;
  // A change script that never mentions the virtual address leaves the one already on the device.
  if (ctx.tree.kind === 'transcript' && !ctx.base) return;
  // A `cluster ip address` line the device rejects (IPv6 only, a name, a malformed address) has its own
  // diagnostic; one problem gets one diagnostic. Only a line that removes the address leaves it missing.
  const last = [...lb.occurrences].reverse().find((o) => o.command.id === 'cluster-ip-address');
  if (last && !last.command.negated) return;
  const after = lbInsertAfter(ctx, 'cluster-ip-address');
  const placeholder = ipv4Placeholder(ctx);
  // The chapter's own running-config shows a device with `participate` and no virtual address: the device accepts
  // it, so this stays a warning and never says the device refuses to participate.
  ctx.report(
    'cluster-ip-missing',
    lb.participate ? lb.participate.range : lb.headerRange,
    "The block has no 'cluster ip address'. The virtual address is the group's single address: clients connect to it first and the director claims it. Without one this device is in no group (the product groups devices by virtual address).",
    {
      fixes: [
        {
          title: `Insert 'cluster ip address ${placeholder}' (a placeholder in the public subnet: use the group's address)`,
          edits: [insertLinesAfter(ctx.tree, after, [`${lbLinePrefix(ctx)}cluster ip address ${placeholder}`])],
        },
      ],
    },
  );
}

/** The range of the IPv6 word of `cluster ip address A B`, found on its line. */
function ipv6TokenRange(ctx: DeviceContext, vip: NonNullable<LbModel['clusterIp']>): Range {
  const occurrence = ctx.device.lb!.occurrences.find(
    (o) => o.line === vip.line && o.command.id === 'cluster-ip-address',
  );
  const token = occurrence?.command.args[1];
  return token
    ? { start: { line: vip.line, character: token.start }, end: { line: vip.line, character: token.end } }
    : vip.range;
}
