// priority-tie: among the participating members, the highest priority is shared, so the election falls to the lower
// IP address (the product compares public addresses, the chapter does not say which); each tied member is told who wins, on its `priority` line (or its block header for the default).
import type { DeviceSummary } from '../../group/summary';
import type { GroupContext } from './context';
import {
  distinctDevices,
  electAmong,
  firstOthers,
  listNames,
  MAX_LISTED,
  memberName,
  relatedAt,
  relatedFew,
  report,
} from './members';

function priorityText(member: DeviceSummary): string {
  return member.priorityConfigured
    ? `priority ${member.priority}`
    : `priority ${member.priority} (assumed default: no 'priority' line)`;
}

export function checkPriorityTie(ctx: GroupContext): void {
  // A change script that does not set the priority leaves the device's own, unknown here: it cannot be said to tie.
  const standing = distinctDevices(ctx.members).filter(
    (m) => m.participates && (m.kind === 'config' || m.priorityConfigured),
  );
  if (standing.length < 2) return;
  const top = Math.max(...standing.map((m) => m.priority));
  const tied = standing.filter((m) => m.priority === top);
  // The tied members are the top of the election, so its winner is among them.
  const director = electAmong(tied);
  if (tied.length < 2 || !director) return;
  const winner = `${memberName(director, ctx.members)}${director.lbpublic?.address ? ` (${director.lbpublic.address})` : ''}`;
  for (const member of tied) {
    // The first few others only: a message names at most a handful, whatever the size of the tie.
    const few = firstOthers(tied, member, MAX_LISTED);
    const names = listNames(
      few.map((o) => memberName(o, ctx.members)),
      tied.length - 1,
    );
    const outcome =
      member === director ? 'this member is the predicted director' : `the predicted director is ${winner}`;
    report(
      ctx,
      member,
      'priority-tie',
      member.priorityRange ?? member.headerRange,
      `This member's ${priorityText(member)} is the group's highest, and ${names} ${tied.length > 2 ? 'have' : 'has'} it too, so the election is decided by the lower IP address (the chapter does not say which address; the product compares public addresses): ${outcome}. If another unit should be director, give it a higher priority than the others.`,
      {
        related: relatedFew(
          tied,
          member,
          (o) =>
            relatedAt(o, o.priorityRange ?? o.headerRange, `${memberName(o, ctx.members)} has ${priorityText(o)}.`),
          (o, count) =>
            relatedAt(
              o,
              o.priorityRange ?? o.headerRange,
              `${memberName(o, ctx.members)} and ${(count - 1).toLocaleString('en')} more members have ${priorityText(o)}.`,
            ),
        ),
      },
    );
  }
}
