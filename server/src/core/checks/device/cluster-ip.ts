// cluster-ip-missing, cluster-ip-outside-public-subnet and cluster-ip-conflict: the virtual address must be set,
// lie in the public interface's IPv4 subnet, and not be an address of one of this device's interfaces.
import { insertLinesAfter } from '../../fixes/edits';
import { inSubnet, networkOf, parseAddress, sameAddress } from '../../net/address';
import { here, interfaceByNameif, lbInsertAfter, lbLinePrefix, type DeviceContext } from '../context';
import { ipv4Placeholder } from './block-syntax';

export function checkClusterIp(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  const vip = lb.clusterIp;
  if (!vip) {
    // A change script that never mentions the virtual address leaves the one already on the device.
    if (ctx.tree.kind === 'transcript' && !ctx.base) return;
    const participates = lb.participate !== null;
    const after = lbInsertAfter(ctx, 'cluster-ip-address');
    const placeholder = ipv4Placeholder(ctx);
    ctx.report('cluster-ip-missing', participates ? lb.participate!.range : lb.headerRange, `The block has no 'cluster ip address': without a virtual address this device belongs to no group and clients have nothing to connect to.${participates ? ' The device cannot participate without it.' : ''}`, {
      severity: participates ? 'error' : 'warning',
      fixes: [{ title: `Insert 'cluster ip address ${placeholder}' (a placeholder in the public subnet: use the group's address)`, edits: [insertLinesAfter(ctx.tree, after, [`${lbLinePrefix(ctx)}cluster ip address ${placeholder}`])] }],
    });
    return;
  }
  const v4 = vip.value.ipv4 ? parseAddress(vip.value.ipv4) : null;
  const v6 = vip.value.ipv6 ? parseAddress(vip.value.ipv6) : null;

  const publicName = lb.lbpublic?.value;
  const publicIntf = publicName ? interfaceByNameif(ctx.device, publicName) ?? (ctx.base ? interfaceByNameif(ctx.base, publicName) : undefined) : undefined;
  if (v4 && publicIntf?.ipv4 && publicIntf.ipv4.prefix !== null) {
    const network = parseAddress(publicIntf.ipv4.address.value);
    if (network && !inSubnet(v4, network, publicIntf.ipv4.prefix)) {
      const subnet = `${networkOf(network, publicIntf.ipv4.prefix)}/${publicIntf.ipv4.prefix}`;
      ctx.report('cluster-ip-outside-public-subnet', vip.range, `The virtual address ${vip.value.ipv4} is outside the public interface '${publicName}' subnet ${subnet}. The director answers for the virtual address on that interface, so clients could not reach it; choose a free address in ${subnet}.`, {
        related: publicIntf.ipv4.address.line >= 0 && publicIntf === interfaceByNameif(ctx.device, publicName!) ? [here(ctx, publicIntf.ipv4.address.lineRange, `'${publicName}' has ${publicIntf.ipv4.address.value}/${publicIntf.ipv4.prefix}.`)] : [],
      });
    }
  }

  for (const intf of ctx.device.interfaces) {
    const own = [intf.ipv4?.address, intf.ipv4?.standby, ...intf.ipv6.flatMap((a) => [a.address, a.standby])];
    for (const address of own) {
      if (!address) continue;
      const parsed = parseAddress(address.value);
      if (!parsed) continue;
      const clash = (v4 && sameAddress(parsed, v4)) || (v6 && sameAddress(parsed, v6));
      if (!clash) continue;
      const which = intf.nameif ? `interface '${intf.nameif.value}' (${intf.hwid})` : `interface ${intf.hwid}`;
      const standby = address === intf.ipv4?.standby || intf.ipv6.some((a) => a.standby === address);
      ctx.report('cluster-ip-conflict', vip.range, `The virtual address ${address.value} is also the ${standby ? 'standby ' : ''}address of ${which}. The director claims the virtual address when elected, so it must be a free address of the public subnet.`, {
        related: [here(ctx, address.lineRange, `${which} uses ${address.value}.`)],
      });
    }
  }
}
