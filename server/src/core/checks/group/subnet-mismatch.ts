// subnet-mismatch: the lbpublic interfaces of a group's members must be on one IPv4 network (network address and
// prefix, compared by value), and so must the lbprivate ones; members off the network most members are on
// (ties: the predicted director's) are reported, naming both networks.
import type { DeviceSummary, InterfaceSummary } from '../../group/summary';
import { networkOf, parseIPv4 } from '../../net/address';
import type { GroupContext } from './context';
import { chooseValue, distinctDevices, memberName, relatedAt, relatedFew, report, type Vote } from './members';

interface Network {
  intf: InterfaceSummary;
  /** `network/prefix` in canonical form, so equal networks have equal texts. */
  cidr: string;
}

function networkOfInterface(intf: InterfaceSummary | null): Network | null {
  if (!intf?.address || intf.prefix === null) return null;
  const address = parseIPv4(intf.address);
  if (!address) return null;
  return { intf, cidr: `${networkOf(address, intf.prefix)}/${intf.prefix}` };
}

const ROLES = [
  {
    side: 'public',
    pick: (m: DeviceSummary) => m.lbpublic,
    why: 'Members meet on the public network: Hello messages and the virtual address live there.',
  },
  {
    side: 'private',
    pick: (m: DeviceSummary) => m.lbprivate,
    why: 'Members exchange keepalives, loads and topology on the private network.',
  },
] as const;

export function checkSubnetMismatch(ctx: GroupContext): void {
  const members = distinctDevices(ctx.members);
  for (const role of ROLES) {
    const votes: Vote<Network>[] = [];
    for (const member of members) {
      const network = networkOfInterface(role.pick(member));
      if (network) votes.push({ member, value: network });
    }
    const phrase = (n: Network, one: boolean): string =>
      `${one ? 'has its' : 'have their'} ${role.side} interface on ${n.cidr}`;
    const choice = chooseValue(ctx, votes, (n) => n.cidr, phrase);
    if (!choice) continue;
    for (const vote of votes) {
      if (vote.value.cidr === choice.value.cidr) continue;
      const { intf, cidr } = vote.value;
      const detail = choice.detail ? ` (${choice.detail})` : '';
      report(
        ctx,
        vote.member,
        'subnet-mismatch',
        intf.range,
        `This member's ${role.side} load-balancing interface '${intf.nameif}' is on ${cidr}, but ${choice.reason}${detail}. ${role.why} Members on different networks do not form one group. Put '${intf.nameif}' on ${choice.value.cidr} (or correct its mask).`,
        {
          related: relatedFew(
            votes,
            vote,
            (other) =>
              relatedAt(
                other.member,
                other.value.intf.range,
                `${memberName(other.member, ctx.members)}'s ${role.side} interface '${other.value.intf.nameif}' is ${other.value.intf.address}/${other.value.intf.prefix}, on ${other.value.cidr}.`,
              ),
            (other, count) =>
              relatedAt(
                other.member,
                other.value.intf.range,
                `${memberName(other.member, ctx.members)} and ${(count - 1).toLocaleString('en')} more members (not listed).`,
              ),
          ),
        },
      );
    }
  }
}
