// duplicate-hostname: two device configurations of one group share a hostname (compared without regard to case);
// each is reported on its `hostname` line. A change script and its device's configuration share one on purpose.
import type { GroupContext } from './context';
import { distinctDevices, fileName, listNames, relatedAt, report } from './members';

export function checkDuplicateHostname(ctx: GroupContext): void {
  const named = distinctDevices(ctx.members).filter((m) => m.kind === 'config' && m.hostname !== null);
  for (const member of named) {
    const name = member.hostname!.value;
    const others = named.filter((o) => o !== member && o.hostname!.value.toLowerCase() === name.toLowerCase());
    if (others.length === 0) continue;
    // Members with one name can only be told apart by their files.
    const files = listNames(others.map((o) => fileName(o.uri)));
    report(ctx, member, 'duplicate-hostname', member.hostname!.range, `The hostname '${name}' is also the hostname of ${files}, another member of this group. Two devices with one name confuse logs and change scripts, which find their device by hostname (the product's reasoning: the chapter does not require distinct hostnames, and redirect-fqdn names a member by reverse DNS of its address, not by its hostname). Give each device its own hostname (or, if both files are the same device, keep only one of them in the workspace).`, {
      related: others.map((o) => relatedAt(o, o.hostname!.range, `${fileName(o.uri)} is also named '${o.hostname!.value}'.`)),
    });
  }
}
