// redirect-fqdn-mismatch: members should agree on `redirect-fqdn enable|disable`; a member that differs from most
// members (ties: the predicted director) is reported, with a fix that aligns it.
import type { DeviceSummary } from '../../group/summary';
import type { TextEdit } from '../../types';
import type { GroupContext } from './context';
import {
  appendToBlock,
  chooseValue,
  distinctDevices,
  memberName,
  relatedAt,
  relatedFew,
  report,
  type Vote,
} from './members';

function phrase(enabled: boolean, one: boolean): string {
  return `${one ? 'redirects' : 'redirect'} clients by ${enabled ? 'name' : 'address'}`;
}

/** The member's line in words, or the default it relies on. */
function written(member: DeviceSummary): string {
  if (!member.redirectFqdnValueRange) return "the default: no 'redirect-fqdn' line";
  return `'redirect-fqdn ${member.redirectFqdn ? 'enable' : 'disable'}'`;
}

function fixFor(member: DeviceSummary, enabled: boolean): { title: string; edits: TextEdit[] } {
  const word = enabled ? 'enable' : 'disable';
  // Only a member without the line can be told to enable it by inserting one; disabling an absent line is never asked.
  if (member.redirectFqdnValueRange)
    return {
      title: `Change to 'redirect-fqdn ${word}'`,
      edits: [{ range: member.redirectFqdnValueRange, newText: word }],
    };
  return { title: `Insert 'redirect-fqdn ${word}'`, edits: [appendToBlock(member, `redirect-fqdn ${word}`)] };
}

export function checkRedirectFqdnMismatch(ctx: GroupContext): void {
  const votes: Vote<boolean>[] = distinctDevices(ctx.members)
    // A change script that does not mention redirect-fqdn leaves the device's setting as it was: unknown here.
    .filter((m) => m.kind === 'config' || m.redirectFqdnValueRange !== null)
    .map((m) => ({ member: m, value: m.redirectFqdn }));
  const choice = chooseValue(ctx, votes, String, phrase);
  if (!choice) return;
  for (const vote of votes) {
    if (vote.value === choice.value) continue;
    const member = vote.member;
    const fix = fixFor(member, choice.value);
    const detail = choice.detail ? ` (${choice.detail})` : '';
    const own = `This member ${phrase(vote.value, true)} (${written(member)})`;
    report(
      ctx,
      member,
      'redirect-fqdn-mismatch',
      member.redirectFqdnValueRange ?? member.headerRange,
      `${own}, but ${choice.reason}${detail}. Only the director's setting applies, so clients get a name or an address depending on which member is director, and certificates or DNS that suit one way break the other. Use 'redirect-fqdn ${choice.value ? 'enable' : 'disable'}' here.`,
      {
        related: relatedFew(
          votes,
          vote,
          (other) =>
            relatedAt(
              other.member,
              other.member.redirectFqdnValueRange ?? other.member.headerRange,
              `${memberName(other.member, ctx.members)} ${phrase(other.value, true)} (${written(other.member)}).`,
            ),
          (other, count) =>
            relatedAt(
              other.member,
              other.member.redirectFqdnValueRange ?? other.member.headerRange,
              `${memberName(other.member, ctx.members)} and ${(count - 1).toLocaleString('en')} more members (not listed).`,
            ),
        ),
        fixes: [{ title: `${fix.title} (${choice.reason})`, edits: fix.edits, preferred: choice.majority }],
      },
    );
  }
}
