// Validates each answer of the new-group flow as it is typed, and whole group specifications before they are written.
// Pure (no editor imports): the flow's input boxes, the generator and the tests call the same functions.
import ipaddr from 'ipaddr.js';
import { MAX_PRIORITY, MAX_TESTED_GROUP_SIZE, MIN_PRIORITY } from '../../../server/src/core/commands/lb-commands';
import {
  inSubnet,
  maskToPrefix,
  networkOf,
  parseIPv4,
  parseIPv6,
  sameAddress,
  type Address,
} from '../../../server/src/core/net/address';

/** An interface address with its subnet, as typed (`A/len` or, for IPv4, `A MASK`). */
export interface InterfaceAddress {
  /** The host address as typed, trimmed. */
  address: string;
  prefix: number;
}

/** A validator's verdict: a sentence saying what is wrong, or undefined when the answer is fine (as `validateInput` wants). */
export type Verdict = string | undefined;

export const HOSTNAME_MAX_LENGTH = 63;
export const NAMEIF_MAX_LENGTH = 48;

const HOSTNAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const NAMEIF = /^[A-Za-z][A-Za-z0-9_.-]*$/;
// A hardware interface id: a type name, then slot/port numbers, and an optional sub-interface number.
const HWID = /^[A-Za-z][A-Za-z-]*\d+(?:\/\d+)*(?:\.\d+)?$/;

export function validateIpv4(text: string, what = 'the address'): Verdict {
  const trimmed = text.trim();
  if (trimmed === '') return `Type ${what}, for example 209.165.202.140.`;
  if (!parseIPv4(trimmed))
    return `'${shorten(trimmed)}' is not an IPv4 address: type four numbers 0–255 separated by dots.`;
  return undefined;
}

/** The optional virtual IPv6 address: empty means none. */
export function validateOptionalIpv6(text: string): Verdict {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed.includes('/'))
    return 'Type the virtual IPv6 address without a prefix length; the prefix belongs to the interfaces.';
  if (!parseIPv6(trimmed)) return `'${shorten(trimmed)}' is not an IPv6 address.`;
  return undefined;
}

export function validatePort(text: string): Verdict {
  return validateInteger(text, 1, 65535, 'The cluster port is a UDP port');
}

export function validatePriority(text: string): Verdict {
  return validateInteger(text, MIN_PRIORITY, MAX_PRIORITY, 'The priority');
}

export function validateMemberCount(text: string): Verdict {
  return validateInteger(
    text,
    1,
    MAX_TESTED_GROUP_SIZE,
    'The number of members',
    ` (${MAX_TESTED_GROUP_SIZE} is the largest group the vendor tests)`,
  );
}

export function validateHostname(text: string, taken: readonly string[] = []): Verdict {
  const trimmed = text.trim();
  if (trimmed === '') return "Type the member's hostname, for example vpn-1.";
  if (trimmed.length > HOSTNAME_MAX_LENGTH) return `A hostname has at most ${HOSTNAME_MAX_LENGTH} characters.`;
  if (!HOSTNAME.test(trimmed))
    return 'A hostname has letters, digits and hyphens, and starts and ends with a letter or digit.';
  if (taken.some((t) => t.toLowerCase() === trimmed.toLowerCase()))
    return `Another member is already called '${trimmed}': two members with one name confuse logs and change scripts.`;
  return undefined;
}

export function validateNameif(text: string, other?: string): Verdict {
  const trimmed = text.trim();
  if (trimmed === '') return 'Type the interface name (nameif), for example outside.';
  if (trimmed.length > NAMEIF_MAX_LENGTH) return `An interface name has at most ${NAMEIF_MAX_LENGTH} characters.`;
  if (!NAMEIF.test(trimmed))
    return 'An interface name starts with a letter and has letters, digits, hyphens, dots or underscores.';
  if (other !== undefined && other === trimmed)
    return 'The public and private interfaces need different names: client traffic and member messages use different interfaces.';
  return undefined;
}

export function validateHardwareId(text: string, other?: string): Verdict {
  const trimmed = text.trim();
  if (trimmed === '') return 'Type the hardware interface, for example GigabitEthernet0/0.';
  if (!HWID.test(trimmed))
    return `'${shorten(trimmed)}' is not a hardware interface id such as GigabitEthernet0/1 or Port-channel1.100.`;
  if (other !== undefined && other.toLowerCase() === trimmed.toLowerCase())
    return 'The public and private interfaces must be different hardware interfaces.';
  return undefined;
}

/**
 * Checks a cluster key typed by the user. The key itself never appears in a message: the sentences describe
 * what is wrong without quoting it.
 */
export function validateKey(text: string): Verdict {
  if (text === '') return 'Type the shared key, or press Escape and leave the key out of the files.';
  if (/\s/.test(text)) return 'The key cannot contain spaces.';
  if (/^\*+$/.test(text)) return 'Asterisks alone are what the device shows for a hidden key; type the real key.';
  if (!/^[\x21-\x7e]+$/.test(text)) return 'Use printable ASCII characters only.';
  return undefined;
}

/** Parses `A/len` (IPv4 or IPv6) or `A MASK` (IPv4) into an interface address; a message when it is not one. */
export function parseInterfaceAddress(
  text: string,
  family: 'ipv4' | 'ipv6',
): { ok: true; value: InterfaceAddress; parsed: Address } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const example =
    family === 'ipv4' ? '209.165.202.130/27 or 209.165.202.130 255.255.255.224' : '2001:db8:0:4200::130/64';
  if (trimmed === '') return { ok: false, message: `Type the address with its subnet, for example ${example}.` };
  const slash = /^(\S+)\/(\d{1,3})$/.exec(trimmed);
  const masked = /^(\S+) (\S+)$/.exec(trimmed);
  let address: string;
  let prefix: number | null;
  if (slash) {
    address = slash[1]!;
    prefix = Number(slash[2]);
  } else if (masked && family === 'ipv4') {
    address = masked[1]!;
    prefix = maskToPrefix(masked[2]!);
    if (prefix === null)
      return { ok: false, message: `'${shorten(masked[2]!)}' is not a subnet mask such as 255.255.255.0.` };
  } else {
    return { ok: false, message: `Type the address with its subnet, for example ${example}.` };
  }
  const parsed = family === 'ipv4' ? parseIPv4(address) : parseIPv6(address);
  if (!parsed)
    return { ok: false, message: `'${shorten(address)}' is not an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address.` };
  const bits = family === 'ipv4' ? 32 : 128;
  // A /31 or /32 (IPv6 /127, /128) leaves no room for a virtual address beside the member's own.
  if (prefix < 8 || prefix > bits - 2)
    return {
      ok: false,
      message: `A prefix length of ${prefix} does not fit: use 8 to ${bits - 2} so the subnet holds the members and the virtual address.`,
    };
  if (
    family === 'ipv4' &&
    (sameAddress(parsed, ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`)) ||
      sameAddress(parsed, ipaddr.IPv4.broadcastAddressFromCIDR(`${address}/${prefix}`)))
  ) {
    return {
      ok: false,
      message: `${address} is the network or broadcast address of its /${prefix} subnet; choose a host address.`,
    };
  }
  return { ok: true, value: { address, prefix }, parsed };
}

/** What the member answers are checked against: the group's virtual addresses and the members already entered. */
export interface GroupDraft {
  vip: string;
  vipv6: string | null;
  /** Members entered before the current one, complete. */
  members: readonly DraftMember[];
}

export interface DraftMember {
  hostname: string;
  public: InterfaceAddress;
  publicV6: InterfaceAddress | null;
  private: InterfaceAddress;
}

/** The public IPv4 interface address of a member: the virtual address must lie in its subnet, and members share it. */
export function validatePublicAddress(text: string, draft: GroupDraft): Verdict {
  const result = parseInterfaceAddress(text, 'ipv4');
  if (!result.ok) return result.message;
  const { value, parsed } = result;
  const vip = parseIPv4(draft.vip);
  if (vip && sameAddress(parsed, vip))
    return `${value.address} is the group's virtual address; a member needs an address of its own.`;
  if (vip && !inSubnet(vip, parsed, value.prefix)) {
    return `The virtual address ${draft.vip} is not in ${networkOf(parsed, value.prefix)}/${value.prefix}; the public interface must be on the virtual address's subnet.`;
  }
  const first = draft.members[0];
  if (first && networkKey(first.public) !== networkKey(value)) {
    return `Members share one public network: ${first.hostname} is on ${networkKey(first.public)}, this is ${networkKey(value)}.`;
  }
  const clash = usedBy(parsed, draft.members);
  if (clash) return `${value.address} is already ${clash}.`;
  return undefined;
}

/** The public IPv6 interface address, asked for when the group has a virtual IPv6 address. */
export function validatePublicV6Address(text: string, draft: GroupDraft): Verdict {
  const result = parseInterfaceAddress(text, 'ipv6');
  if (!result.ok) return result.message;
  const { value, parsed } = result;
  const vip = draft.vipv6 ? parseIPv6(draft.vipv6) : null;
  if (vip && sameAddress(parsed, vip))
    return `${value.address} is the group's virtual IPv6 address; a member needs an address of its own.`;
  if (vip && !inSubnet(vip, parsed, value.prefix)) {
    return `The virtual IPv6 address ${draft.vipv6} is not in ${networkOf(parsed, value.prefix)}/${value.prefix}; the public interface must be on its subnet.`;
  }
  const first = draft.members[0]?.publicV6;
  if (first && networkKey(first) !== networkKey(value))
    return `Members share one public IPv6 network: the first member is on ${networkKey(first)}, this is ${networkKey(value)}.`;
  const clash = usedBy(parsed, draft.members);
  if (clash) return `${value.address} is already ${clash}.`;
  return undefined;
}

/** The private IPv4 interface address: on a network of its own (not the public one), shared by every member. */
export function validatePrivateAddress(
  text: string,
  draft: GroupDraft,
  publicAddress: InterfaceAddress | null,
): Verdict {
  const result = parseInterfaceAddress(text, 'ipv4');
  if (!result.ok) return result.message;
  const { value, parsed } = result;
  const vip = parseIPv4(draft.vip);
  if (vip && sameAddress(parsed, vip))
    return `${value.address} is the group's virtual address; a member needs an address of its own.`;
  if (publicAddress && subnetsOverlap(value, publicAddress)) {
    return `${networkKey(value)} overlaps the public network ${networkKey(publicAddress)}; the device refuses two interfaces on overlapping networks.`;
  }
  const first = draft.members[0];
  if (first && networkKey(first.private) !== networkKey(value)) {
    return `Members share one private network: ${first.hostname} is on ${networkKey(first.private)}, this is ${networkKey(value)}.`;
  }
  const clash = usedBy(parsed, draft.members);
  if (clash) return `${value.address} is already ${clash}.`;
  return undefined;
}

/** The group's virtual IPv4 address: any unicast address; the member answers are later checked against it. */
export function validateVirtualAddress(text: string): Verdict {
  const verdict = validateIpv4(text, "the group's virtual address");
  if (verdict) return verdict;
  const address = parseIPv4(text.trim())!;
  const first = address.octets[0] ?? 0;
  if (first === 0 || first === 127 || first >= 224)
    return `${text.trim()} cannot be a virtual address (it is a reserved, loopback or multicast address).`;
  return undefined;
}

/** `network/prefix` in canonical form, so equal networks compare equal as text. */
export function networkKey(address: InterfaceAddress): string {
  const parsed = address.address.includes(':') ? parseIPv6(address.address) : parseIPv4(address.address);
  if (!parsed) return `${address.address}/${address.prefix}`;
  return `${networkOf(parsed, address.prefix)}/${address.prefix}`;
}

function subnetsOverlap(a: InterfaceAddress, b: InterfaceAddress): boolean {
  const x = parseIPv4(a.address);
  const y = parseIPv4(b.address);
  if (!x || !y) return false;
  // Two subnets overlap exactly when the shorter prefix contains the other's address.
  const shorter = Math.min(a.prefix, b.prefix);
  return inSubnet(x, y, shorter);
}

function usedBy(address: Address, members: readonly DraftMember[]): string | null {
  for (const m of members) {
    const own: [InterfaceAddress | null, string][] = [
      [m.public, 'public'],
      [m.publicV6, 'public IPv6'],
      [m.private, 'private'],
    ];
    for (const [entry, role] of own) {
      if (!entry) continue;
      const parsed = entry.address.includes(':') ? parseIPv6(entry.address) : parseIPv4(entry.address);
      if (parsed && sameAddress(parsed, address)) return `the ${role} address of ${m.hostname}`;
    }
  }
  return null;
}

function validateInteger(text: string, min: number, max: number, subject: string, suffix = ''): Verdict {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `${subject} is a whole number from ${min} to ${max}${suffix}.`;
  const value = Number(trimmed);
  if (value < min || value > max)
    return `${subject} is a whole number from ${min} to ${max}${suffix}; ${trimmed} is out of range.`;
  return undefined;
}

/** Keeps echoed input short in messages, so a pasted page does not fill the input box's message line. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
