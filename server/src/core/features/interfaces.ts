// Describes a device's interfaces for people (hardware id, addresses, subnet) and ranks them for the public and private roles.
// Completion, hover and symbols all show interfaces the same way, so the wording lives here once.
import type { DeviceModel, InterfaceModel } from '../model/device';
import { networkOf, parseAddress } from '../net/address';
import { mdCode } from './markdown';

export type LbRole = 'lbpublic' | 'lbprivate';

/** Interfaces that have a nameif, in file order. */
export function namedInterfaces(device: DeviceModel): InterfaceModel[] {
  return device.interfaces.filter((i) => i.nameif !== null);
}

export function interfacesNamed(device: DeviceModel, nameif: string): InterfaceModel[] {
  return device.interfaces.filter((i) => i.nameif?.value === nameif);
}

/**
 * Whether an interface carries no through traffic. Management ports (`Management0/0`) are management-only by
 * default on the platforms that have them, so the hardware id counts as well as a `management-only` line.
 */
export function isManagementOnly(intf: InterfaceModel): boolean {
  return intf.managementOnly || /^management\d/i.test(intf.hwid);
}

/** `209.165.202.128/27` for an interface with an IPv4 address and a contiguous mask, else null. */
export function ipv4Subnet(intf: InterfaceModel): string | null {
  if (!intf.ipv4 || intf.ipv4.prefix === null) return null;
  const address = parseAddress(intf.ipv4.address.value);
  return address ? `${networkOf(address, intf.ipv4.prefix)}/${intf.ipv4.prefix}` : null;
}

/** One line: "GigabitEthernet0/0 · 209.165.202.130/27 · security-level 0". */
export function interfaceDetail(intf: InterfaceModel): string {
  const parts = [intf.hwid];
  if (intf.ipv4)
    parts.push(intf.ipv4.prefix !== null ? `${intf.ipv4.address.value}/${intf.ipv4.prefix}` : intf.ipv4.address.value);
  else if (intf.ipv4Dhcp) parts.push('address by DHCP');
  else parts.push('no IPv4 address');
  if (intf.securityLevel !== null) parts.push(`security-level ${intf.securityLevel}`);
  if (isManagementOnly(intf)) parts.push('management-only');
  if (intf.shutdown) parts.push('shut down');
  return parts.join(' · ');
}

/** Markdown lines about one interface: hardware id, addresses, subnet, flags. */
export function interfaceMarkdown(intf: InterfaceModel): string[] {
  const lines = [`- Hardware: ${mdCode(intf.hwid)}`];
  if (intf.ipv4) {
    const standby = intf.ipv4.standby ? ` (standby ${intf.ipv4.standby.value})` : '';
    lines.push(`- IPv4: ${intf.ipv4.address.value} mask ${intf.ipv4.mask}${standby}`);
    const subnet = ipv4Subnet(intf);
    if (subnet) lines.push(`- Subnet: ${subnet}`);
  } else if (intf.ipv4Dhcp) {
    lines.push('- IPv4: assigned by DHCP (not known from the config)');
  } else {
    lines.push('- IPv4: none');
  }
  for (const v6 of intf.ipv6) {
    const standby = v6.standby ? ` (standby ${v6.standby.value})` : '';
    lines.push(`- IPv6: ${v6.address.value}/${v6.prefix ?? '?'}${standby}`);
  }
  if (intf.securityLevel !== null) lines.push(`- Security level: ${intf.securityLevel}`);
  if (isManagementOnly(intf)) lines.push('- Management only: it carries no through traffic');
  if (intf.shutdown) lines.push('- Shut down');
  return lines;
}

// Ranking keys: an interface a network engineer would pick for the role comes first. Management-only and
// shut-down interfaces go last, since load balancing needs interfaces that carry traffic.
function unusable(intf: InterfaceModel): number {
  return (isManagementOnly(intf) ? 2 : 0) + (intf.shutdown ? 1 : 0);
}

/** Named interfaces, best candidate for `role` first: public prefers 'outside' / security level 0, private 'inside' / the highest level. */
export function rankInterfaces(device: DeviceModel, role: LbRole): InterfaceModel[] {
  const named = namedInterfaces(device);
  const preferredName = role === 'lbpublic' ? 'outside' : 'inside';
  const levelKey = (i: InterfaceModel): number => {
    const level = i.securityLevel ?? 50;
    return role === 'lbpublic' ? level : -level;
  };
  return named
    .map((intf, order) => ({ intf, order }))
    .sort(
      (a, b) =>
        unusable(a.intf) - unusable(b.intf) ||
        Number(a.intf.nameif!.value.toLowerCase() !== preferredName) -
          Number(b.intf.nameif!.value.toLowerCase() !== preferredName) ||
        levelKey(a.intf) - levelKey(b.intf) ||
        a.order - b.order,
    )
    .map((x) => x.intf);
}

/** The interface the device uses (or would most likely use) for `role`. */
export function interfaceForRole(device: DeviceModel, role: LbRole): InterfaceModel | undefined {
  const configured = device.lb?.[role]?.value;
  if (configured !== undefined) return interfacesNamed(device, configured)[0];
  return rankInterfaces(device, role)[0];
}

/**
 * The nameif values for `role`: the interface the block already names for it first, then the best candidates,
 * and the other role's interface last (a member needs two different ones).
 */
export function nameifChoices(device: DeviceModel, role: LbRole): InterfaceModel[] {
  const own = device.lb?.[role]?.value;
  const other = device.lb?.[role === 'lbpublic' ? 'lbprivate' : 'lbpublic']?.value;
  const rank = (i: InterfaceModel): number => (i.nameif!.value === own ? 0 : i.nameif!.value === other ? 2 : 1);
  // Array.prototype.sort is stable, so the preference order holds within each rank.
  return rankInterfaces(device, role).sort((a, b) => rank(a) - rank(b));
}
