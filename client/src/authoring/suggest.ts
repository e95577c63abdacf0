// Suggested answers for the new-group flow: the next member's hostname and addresses follow the previous member's,
// so a group of several members is mostly Enter, Enter, Enter. Pure, and tested with the validators.
import {
  addressToBigInt,
  inSubnet,
  parseAddress,
  sameAddress,
  type Address,
} from '../../../server/src/core/net/address';
import { splitTrailingNumber } from '../../../server/src/core/syntax/trailing-number';
import ipaddr from 'ipaddr.js';
import type { InterfaceAddress } from './validate';

/** `vpn-1` → `vpn-2`, `asa09` → `asa10`, `fw` → `fw-2`. */
export function nextHostname(previous: string): string {
  const m = splitTrailingNumber(previous);
  if (!m) return `${previous}-2`;
  const next = String(BigInt(m.digits) + 1n).padStart(m.digits.length, '0');
  return `${m.stem}${next}`;
}

/**
 * The first address after `previous` in the same subnet that is not taken (the virtual address, other members),
 * with the same prefix, as `A/len`; '' when the subnet has no room left.
 */
export function nextInterfaceAddress(previous: InterfaceAddress, taken: readonly string[]): string {
  const start = parseAddress(previous.address);
  if (!start) return '';
  const avoid = taken.map((t) => parseAddress(t)).filter((a): a is Address => a !== null);
  const bits = start.kind() === 'ipv4' ? 32 : 128;
  const hostBits = bits - previous.prefix;
  // The last address of an IPv4 subnet is its broadcast address; IPv6 has none.
  const last = start.kind() === 'ipv4' ? (1n << BigInt(hostBits)) - 1n : 1n << BigInt(hostBits);
  let value = addressToBigInt(start);
  for (let i = 0; i < 1024; i++) {
    value += 1n;
    const candidate = fromBigInt(value, start.kind());
    if (!candidate || !inSubnet(candidate, start, previous.prefix)) return '';
    const offset = value & ((1n << BigInt(hostBits)) - 1n);
    if (offset === 0n || offset >= last) return '';
    if (avoid.some((a) => sameAddress(a, candidate))) continue;
    return `${candidate.toString()}/${previous.prefix}`;
  }
  return '';
}

function fromBigInt(value: bigint, kind: 'ipv4' | 'ipv6'): Address | null {
  const bytes: number[] = [];
  const count = kind === 'ipv4' ? 4 : 16;
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(8 * i)) & 0xffn));
  if (value >> BigInt(8 * count) !== 0n) return null;
  return ipaddr.fromByteArray(bytes) as Address;
}
