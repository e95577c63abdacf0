// single-member-group: a group with only one device in the workspace, so none of the cross-device checks can run;
// the hint sits on the `cluster ip address` line.
import type { GroupContext } from './context';
import { distinctDevices, report } from './members';

export function checkSingleMemberGroup(ctx: GroupContext): void {
  const members = distinctDevices(ctx.members);
  if (members.length !== 1) return;
  const member = members[0]!;
  report(
    ctx,
    member,
    'single-member-group',
    member.clusterIpRange ?? member.headerRange,
    `This is the only device of the group ${ctx.group.clusterIp} in the workspace, so its group settings (port, encryption, key, virtual IPv6 address), addresses, subnets and pools cannot be compared with the other members'. Add the other members' configurations to the workspace to check the group.`,
  );
}
