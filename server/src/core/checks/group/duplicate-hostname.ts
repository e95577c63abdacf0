// duplicate-hostname: two device configurations of one group share a hostname (compared without regard to case);
// each is reported on its `hostname` line. A change script and its device's configuration share one on purpose.
import type { GroupContext } from './context';
import type { DeviceSummary } from '../../group/summary';
import {
  distinctDevices,
  fileName,
  firstOthers,
  listNames,
  MAX_LISTED,
  relatedAt,
  relatedFew,
  report,
} from './members';

export function checkDuplicateHostname(ctx: GroupContext): void {
  const named = distinctDevices(ctx.members).filter((m) => m.kind === 'config' && m.hostname !== null);
  const byName = new Map<string, DeviceSummary[]>();
  for (const member of named) {
    const key = member.hostname!.value.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(member);
    else byName.set(key, [member]);
  }
  for (const member of named) {
    const name = member.hostname!.value;
    const same = byName.get(name.toLowerCase())!;
    if (same.length < 2) continue;
    // Members with one name can only be told apart by their files.
    const files = listNames(
      firstOthers(same, member, MAX_LISTED).map((o) => fileName(o.uri)),
      same.length - 1,
    );
    report(
      ctx,
      member,
      'duplicate-hostname',
      member.hostname!.range,
      `The hostname '${name}' is also the hostname of ${files}, another member of this group. Two devices with one name confuse logs and change scripts, which find their device by hostname (the product's reasoning: the chapter does not require distinct hostnames, and redirect-fqdn names a member by reverse DNS of its address, not by its hostname). Give each device its own hostname (or, if both files are the same device, keep only one of them in the workspace).`,
      {
        related: relatedFew(
          same,
          member,
          (o) => relatedAt(o, o.hostname!.range, `${fileName(o.uri)} is also named '${o.hostname!.value}'.`),
          (o, count) =>
            relatedAt(
              o,
              o.hostname!.range,
              `${fileName(o.uri)} and ${(count - 1).toLocaleString('en')} more files are also named '${o.hostname!.value}'.`,
            ),
        ),
      },
    );
  }
}
