// Suggests a virtual address for a device: the address of a workspace group it evidently belongs to (the group's
// public subnet holds this device's public address, or the group's address lies in this device's public subnet),
// else a free address at the top of its public subnet — the convention the product's snippets follow.
import type { DeviceModel } from '../model/device';
import { inSubnet, parseAddress, parseIPv4 } from '../net/address';
import type { GroupSummary, Workspace } from '../workspace';
import { interfaceForRole } from './interfaces';

export interface GroupSuggestion {
  group: GroupSummary;
  /** Members other than the device asking. */
  others: number;
}

export interface PublicNetwork {
  address: string;
  prefix: number;
}

/** This device's public IPv4 address and prefix: the lbpublic interface's, else the most likely public interface's. */
export function publicNetwork(device: DeviceModel): PublicNetwork | null {
  const intf = interfaceForRole(device, 'lbpublic');
  if (!intf?.ipv4 || intf.ipv4.prefix === null) return null;
  return { address: intf.ipv4.address.value, prefix: intf.ipv4.prefix };
}

function contains(network: PublicNetwork, text: string | null | undefined): boolean {
  const base = parseAddress(network.address);
  const address = text ? parseAddress(text) : null;
  return !!base && !!address && inSubnet(address, base, network.prefix);
}

/** Groups of the workspace this device's public network matches, largest first. */
export function matchingGroups(ws: Workspace, uri: string, device: DeviceModel): GroupSuggestion[] {
  const mine = publicNetwork(device);
  if (!mine) return [];
  const out: GroupSuggestion[] = [];
  for (const group of ws.groups()) {
    const others = group.members.filter((m) => m.uri !== uri);
    if (others.length === 0) continue;
    const vipInMine = contains(mine, group.clusterIp);
    const mineInTheirs = others.some((m) => {
      const theirs = ws.summary(m.uri)?.lbpublic;
      return (
        !!theirs?.address &&
        theirs.prefix !== null &&
        contains({ address: theirs.address, prefix: theirs.prefix }, mine.address)
      );
    });
    if (vipInMine || mineInTheirs) out.push({ group, others: others.length });
  }
  return out.sort((a, b) => b.others - a.others);
}

function toNumber(text: string): number | null {
  const address = parseIPv4(text);
  if (!address) return null;
  return address.octets.reduce((n, o) => n * 256 + o, 0);
}

function toText(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

// Only the top of the subnet is searched; a subnet whose last 256 host addresses are all taken gets no suggestion.
const SEARCH = 256;

/** A free IPv4 address of this device's public subnet, searching down from the last host address; null when none. */
export function freePublicAddress(ws: Workspace, uri: string, device: DeviceModel): string | null {
  const mine = publicNetwork(device);
  if (!mine || mine.prefix > 30) return null;
  const own = toNumber(mine.address);
  if (own === null) return null;
  const size = 2 ** (32 - mine.prefix);
  const network = own - (own % size);
  const used = new Set<number>();
  const add = (text: string | null | undefined): void => {
    const n = text ? toNumber(text) : null;
    if (n !== null) used.add(n);
  };
  for (const intf of device.interfaces) {
    add(intf.ipv4?.address.value);
    add(intf.ipv4?.standby?.value);
  }
  // Addresses other devices of the workspace already hold in this subnet: their public interfaces and group addresses.
  for (const group of ws.groups()) {
    add(group.clusterIp);
    for (const member of group.members) if (member.uri !== uri) add(member.publicIp);
  }
  for (let n = network + size - 2, tries = 0; n > network && tries < SEARCH; n--, tries++) {
    if (!used.has(n)) return toText(n);
  }
  return null;
}

/** The virtual address to offer first: the matching group's, else a free public address, else null. */
export function suggestedVirtualAddress(ws: Workspace, uri: string, device: DeviceModel): string | null {
  const current = device.lb?.clusterIp?.value.ipv4;
  if (current) return current;
  return matchingGroups(ws, uri, device)[0]?.group.clusterIp ?? freePublicAddress(ws, uri, device);
}

/** The first free host address of a /24 such as `203.0.113`, from .2 up (.1 is left for a gateway). */
export function freeHost(network: string, used: Set<string>): string {
  for (let host = 2; host < 255; host++) if (!used.has(`${network}.${host}`)) return `${network}.${host}`;
  return `${network}.2`;
}

/**
 * A placeholder for `nat`: a documentation address (RFC 5737) no other device of the workspace gives as its NAT
 * address, so accepting the default never makes two members look alike to the director.
 */
export function natPlaceholder(ws: Workspace, uri: string): string {
  const used = new Set<string>();
  for (const other of ws.uris()) {
    const nat = other === uri ? null : ws.device(other)?.lb?.nat?.value.ipv4;
    if (nat) used.add(nat);
  }
  return freeHost('198.51.100', used);
}
