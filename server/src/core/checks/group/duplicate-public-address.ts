// duplicate-public-address: no two members of a group may have the same lbpublic interface address, nor the same
// `nat` address (IPv4 or IPv6); each member sharing one is reported, pointing at the others. Compared by value.
import type { DeviceSummary } from '../../group/summary';
import { addressToBigInt, parseAddress, type Address } from '../../net/address';
import type { Range } from '../../types';
import type { GroupContext } from './context';
import {
  distinctDevices,
  firstOthers,
  listNames,
  MAX_LISTED,
  memberName,
  relatedAt,
  relatedFew,
  report,
} from './members';

interface Claim {
  member: DeviceSummary;
  address: Address;
  text: string;
  range: Range;
}

/** Each member's claims of one kind, grouped by equal address; only groups of two or more are returned. */
function duplicates(claims: Claim[]): Claim[][] {
  // Indexed by family and numeric value, so equal addresses meet in one pass however they were written.
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.address.kind()}:${addressToBigInt(claim.address)}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

function claim(member: DeviceSummary, text: string | null | undefined, range: Range): Claim[] {
  const address = text ? parseAddress(text) : null;
  return address ? [{ member, address, text: text!, range }] : [];
}

/** How one kind of claim is told: the message for a member, and what a related entry says another member has. */
interface ClaimWords {
  message: (own: Claim, names: string) => string;
  /** A related entry: what `who` has, `many` when `who` is one member "and N more members". */
  has: (o: Claim, who: string, many: boolean) => string;
}

/** One diagnostic per member of each group of equal claims, naming the others. */
function reportDuplicates(ctx: GroupContext, groups: Claim[][], words: ClaimWords): void {
  for (const group of groups) {
    for (const own of group) {
      const names = listNames(
        firstOthers(group, own, MAX_LISTED).map((o) => memberName(o.member, ctx.members)),
        group.length - 1,
      );
      report(ctx, own.member, 'duplicate-public-address', own.range, words.message(own, names), {
        related: relatedFew(
          group,
          own,
          (o) => relatedAt(o.member, o.range, words.has(o, memberName(o.member, ctx.members), false)),
          (o, count) =>
            relatedAt(
              o.member,
              o.range,
              words.has(
                o,
                `${memberName(o.member, ctx.members)} and ${(count - 1).toLocaleString('en')} more members`,
                true,
              ),
            ),
        ),
      });
    }
  }
}

export function checkDuplicatePublicAddress(ctx: GroupContext): void {
  const members = distinctDevices(ctx.members);
  const publicClaims = members.flatMap((m) => (m.lbpublic ? claim(m, m.lbpublic.address, m.lbpublic.range) : []));
  reportDuplicates(ctx, duplicates(publicClaims), {
    message: (own, names) =>
      `This member's public load-balancing address ${own.address.toString()} (interface '${own.member.lbpublic!.nameif}') is also the public address of ${names}. The director tells members apart by this address and redirects clients to it, so sessions meant for one member would reach another (and the interfaces clash on the network). Give each member its own address.`,
    has: (o, who, many) =>
      many ? `${who} have ${o.text}.` : `${who}'s public interface '${o.member.lbpublic!.nameif}' has ${o.text}.`,
  });
  const natClaims = (family: 'ipv4' | 'ipv6'): Claim[] =>
    members.flatMap((m) => (m.nat ? claim(m, m.nat.value[family], m.nat.range) : []));
  reportDuplicates(ctx, [...duplicates(natClaims('ipv4')), ...duplicates(natClaims('ipv6'))], {
    message: (own, names) =>
      `This member's 'nat' address ${own.address.toString()} is also the 'nat' address of ${names}. The director redirects clients behind NAT to this address, so sessions meant for one member would reach another. Give each member the NAT address that maps to it.`,
    has: (o, who, many) => `${who} ${many ? 'give' : 'gives'} 'nat ${o.text}'.`,
  });
}
