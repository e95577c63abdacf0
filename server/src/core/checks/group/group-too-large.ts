// group-too-large: a group has more members than the largest group the vendor tests (MAX_TESTED_GROUP_SIZE);
// every member is told, on its `cluster ip address`, with the other members as related information.
import { MAX_TESTED_GROUP_SIZE } from '../../commands/lb-commands';
import type { GroupContext } from './context';
import { distinctDevices, memberName, relatedAt, relatedFew, report } from './members';

export function checkGroupTooLarge(ctx: GroupContext): void {
  const members = distinctDevices(ctx.members);
  if (members.length <= MAX_TESTED_GROUP_SIZE) return;
  for (const member of members) {
    report(
      ctx,
      member,
      'group-too-large',
      member.clusterIpRange ?? member.headerRange,
      `The group ${ctx.group.clusterIp} has ${members.length} members in this workspace; the vendor tests groups of up to ${MAX_TESTED_GROUP_SIZE} devices, so a larger group runs in an untested (and unsupported) configuration. Split it into groups of at most ${MAX_TESTED_GROUP_SIZE}, each with its own virtual address.`,
      {
        related: relatedFew(
          members,
          member,
          (o) =>
            relatedAt(
              o,
              o.clusterIpRange ?? o.headerRange,
              `${memberName(o, ctx.members)} is a member of the group ${ctx.group.clusterIp}.`,
            ),
          (o, count) =>
            relatedAt(
              o,
              o.clusterIpRange ?? o.headerRange,
              `${memberName(o, ctx.members)} and ${(count - 1).toLocaleString('en')} more are members of the group ${ctx.group.clusterIp}.`,
            ),
        ),
      },
    );
  }
}
