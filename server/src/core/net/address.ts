// IP address maths on values, never on strings: parsing, numeric ordering, subnets and ranges.
// ipaddr.js does the parsing and CIDR matching; this module adds the orderings the ASA uses.
import ipaddr from 'ipaddr.js';

export type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Parses an IPv4 or IPv6 address (any zero-group spelling); null when it is not one. */
export function parseAddress(text: string): Address | null {
  // ipaddr.js accepts shorthand IPv4 such as "10.1" or "0x0a.1"; configs only use four decimal parts, which parseIPv4
  // reads without ipaddr.js's validation pass (a check compares every interface address of a large config).
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

export function parseIPv4(text: string): ipaddr.IPv4 | null {
  if (!isFourPartDecimal(text)) return null;
  // The model reads an address on many lines of a config; plain decimal parts (no leading zero, which ipaddr.js
  // reads as octal) are read here, into the same object ipaddr.js makes, without its chain of regular expressions.
  const octets = plainOctets(text);
  if (octets) return octets.every((o) => o <= 255) ? new ipaddr.IPv4(octets) : null;
  try {
    return ipaddr.IPv4.parse(text);
  } catch {
    return null;
  }
}

export function parseIPv6(text: string): ipaddr.IPv6 | null {
  if (!text.includes(':')) return null;
  try {
    return ipaddr.IPv6.parse(text);
  } catch {
    return null;
  }
}

/** The four parts of a four-part decimal address (as isFourPartDecimal checked), when none has a leading zero; null otherwise. */
function plainOctets(text: string): number[] | null {
  const octets = [0, 0, 0, 0];
  let part = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      part++;
      digits = 0;
    } else {
      if (digits === 1 && octets[part] === 0) return null;
      octets[part] = octets[part]! * 10 + (c - 48);
      digits++;
    }
  }
  return octets;
}

function isFourPartDecimal(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text);
}

/** A dotted mask as a prefix length, or null when its ones are not contiguous. */
export function maskToPrefix(mask: string): number | null {
  const parsed = parseIPv4(mask);
  if (!parsed) return null;
  // ipaddr.js's prefixLengthFromSubnetMask, without the table it builds on every call (a mask is read on every
  // `ip address` line): the leading ones of a mask whose other bits are all zero, else null.
  let prefix = 0;
  let ended = false;
  for (const octet of parsed.octets) {
    const ones = MASK_OCTET_ONES.get(octet);
    if (ones === undefined || (ended && ones !== 0)) return null;
    if (ones !== 8) ended = true;
    prefix += ones;
  }
  return prefix;
}

/** The leading ones of each octet value a mask may have. */
const MASK_OCTET_ONES = new Map([0, 128, 192, 224, 240, 248, 252, 254, 255].map((value, ones) => [value, ones]));

/** The address as an unsigned big integer, for numeric ordering and range arithmetic. */
export function addressToBigInt(address: Address): bigint {
  let value = 0n;
  for (const byte of address.toByteArray()) value = (value << 8n) | BigInt(byte);
  return value;
}

/** Numeric order, IPv4 before IPv6 (so 10.0.0.9 sorts before 10.0.0.19). */
export function compareAddresses(a: Address, b: Address): number {
  if (a.kind() !== b.kind()) return a.kind() === 'ipv4' ? -1 : 1;
  const x = addressToBigInt(a);
  const y = addressToBigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares two address texts by value; unparsable texts sort last, by string. */
export function compareAddressTexts(a: string, b: string): number {
  const x = parseAddress(a);
  const y = parseAddress(b);
  if (x && y) return compareAddresses(x, y);
  if (x) return -1;
  if (y) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.kind() === b.kind() && compareAddresses(a, b) === 0;
}

/** True when `address` lies in `network`/`prefix` (both of the same family). */
export function inSubnet(address: Address, network: Address, prefix: number): boolean {
  if (address.kind() !== network.kind()) return false;
  return (address as ipaddr.IPv4).match(network as ipaddr.IPv4, prefix);
}

/** The network address of `address`/`prefix`, as text. */
export function networkOf(address: Address, prefix: number): string {
  if (address.kind() === 'ipv4')
    return ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
  return ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
}

/** Inclusive numeric ranges [a1, a2] and [b1, b2] overlap. */
export function rangesOverlap(a1: Address, a2: Address, b1: Address, b2: Address): boolean {
  if (a1.kind() !== b1.kind()) return false;
  const [lo1, hi1] = [addressToBigInt(a1), addressToBigInt(a2)];
  const [lo2, hi2] = [addressToBigInt(b1), addressToBigInt(b2)];
  return lo1 <= hi2 && lo2 <= hi1;
}
