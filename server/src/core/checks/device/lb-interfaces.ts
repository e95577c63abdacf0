// lb-interface-undefined, lb-interface-by-address, lb-interface-missing and lb-interfaces-same: the public and
// private interfaces named in the block must exist (by nameif, case-sensitive, or by one of the device's own
// addresses, which the chapter also accepts), both be set, and differ.
import type { Fix } from '../../types';
import { insertLinesAfter, replace } from '../../fixes/edits';
import type { InterfaceModel, Located } from '../../model/device';
import { parseAddress } from '../../net/address';
import { interfaceWithAddress, lbNameif, type LbRole } from '../../model/lb-interface';
import { here, lbInsertAfter, lbLinePrefix, namedInterfaces, type DeviceContext } from '../context';

export function checkLbInterfaces(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  const transcriptWithoutBase = ctx.tree.kind === 'transcript' && !ctx.base;
  const known = knownInterfaces(ctx);
  for (const role of ['lbpublic', 'lbprivate'] as const) {
    const setting = lb[role];
    if (setting) {
      if (known.some((i) => i.nameif!.value === setting.value)) continue;
      const byAddress =
        interfaceWithAddress(ctx.device, setting.value) ??
        (ctx.base ? interfaceWithAddress(ctx.base, setting.value) : undefined);
      if (byAddress) {
        reportByAddress(ctx, role, setting, byAddress);
        continue;
      }
      // A file that defines no interface (a fragment, a change script on an unseen device) cannot show that a
      // name is undefined: the interface may well exist on the device.
      if (known.length === 0) continue;
      reportUndefined(ctx, role, setting, known);
    } else if (!transcriptWithoutBase && !rejectedLast(ctx, role)) {
      reportMissing(ctx, role, known);
    }
  }
  const publicName = lbNameif(ctx.device, 'lbpublic');
  if (lb.lbpublic && lb.lbprivate && publicName === lbNameif(ctx.device, 'lbprivate')) {
    ctx.report(
      'lb-interfaces-same',
      lb.lbprivate.range,
      `The public and private load-balancing interfaces are both '${publicName}'. Clients arrive on the public one and members exchange keepalives on the private one; using one interface for both mixes client traffic with member-to-member messages.`,
      {
        related: [here(ctx, lb.lbpublic.lineRange, 'The public interface is set here.')],
      },
    );
  }
}

/**
 * Whether the role's last line is one the device rejects (`interface lbprivate` without a name): that line has its
 * own diagnostic, and one problem gets one diagnostic.
 */
function rejectedLast(ctx: DeviceContext, role: LbRole): boolean {
  const id = role === 'lbpublic' ? 'interface-lbpublic' : 'interface-lbprivate';
  const last = [...ctx.device.lb!.occurrences].reverse().find((o) => o.command.id === id);
  return last !== undefined && !last.command.negated;
}

function knownInterfaces(ctx: DeviceContext): InterfaceModel[] {
  const own = namedInterfaces(ctx.device);
  // A script replayed on its base already holds the base's interfaces, renamed where the script renames them.
  if (!ctx.base || ctx.replay) return own;
  return [...namedInterfaces(ctx.base), ...own];
}

function roleWords(role: LbRole): string {
  return role === 'lbpublic' ? 'public (outside)' : 'private (inside)';
}

function reportByAddress(ctx: DeviceContext, role: LbRole, setting: Located<string>, intf: InterfaceModel): void {
  const name = intf.nameif!.value;
  ctx.report(
    'lb-interface-by-address',
    setting.range,
    `${setting.value} is the address of interface '${name}' (${intf.hwid}), so it designates that interface as the ${roleWords(role)} load-balancing interface: the chapter accepts the name or the IP address of the interface. The name is the usual form.`,
    {
      related: intf.ipv4 ? [here(ctx, intf.ipv4.address.lineRange, `'${name}' has this address.`)] : [],
      fixes: [{ title: `Use the interface name '${name}'`, edits: [replace(setting.range, name)], preferred: true }],
    },
  );
}

function reportUndefined(ctx: DeviceContext, role: LbRole, setting: Located<string>, known: InterfaceModel[]): void {
  const names = known.map((i) => i.nameif!.value);
  const caseMatch = names.find((n) => n.toLowerCase() === setting.value.toLowerCase());
  const candidates = caseMatch ? [caseMatch, ...names.filter((n) => n !== caseMatch)] : names;
  const fixes: Fix[] = candidates.map((name, i) => ({
    title: `Use interface '${name}'`,
    edits: [replace(setting.range, name)],
    preferred: i === 0 && caseMatch !== undefined,
  }));
  const hint = caseMatch
    ? ` nameif values are case-sensitive: did you mean '${caseMatch}'?`
    : ` Interfaces with a nameif: ${names.join(', ')}.`;
  const what = parseAddress(setting.value) ? `the address ${setting.value}` : `'nameif ${setting.value}'`;
  ctx.report(
    'lb-interface-undefined',
    setting.range,
    `No interface has ${what}, so the ${roleWords(role)} load-balancing interface does not exist.${hint}`,
    { fixes },
  );
}

function reportMissing(ctx: DeviceContext, role: LbRole, known: InterfaceModel[]): void {
  const lb = ctx.device.lb!;
  const range = lb.participate ? lb.participate.range : lb.headerRange;
  const preferredName = pickPreferred(role, known);
  const prefix = lbLinePrefix(ctx);
  const after = lbInsertAfter(ctx, role === 'lbpublic' ? 'interface-lbpublic' : 'interface-lbprivate');
  const fixes: Fix[] = known.map((intf) => ({
    title: `Insert 'interface ${role} ${intf.nameif!.value}'`,
    edits: [insertLinesAfter(ctx.tree, Math.max(after, 0), [`${prefix}interface ${role} ${intf.nameif!.value}`])],
    preferred: intf === preferredName,
  }));
  // The chapter requires both interfaces on every device, but its own running-config shows a device with
  // `participate` and neither: the device accepts the line, so the message never says it refuses it.
  const use =
    role === 'lbpublic'
      ? 'clients first reach the virtual address on it, and the Hello handshake runs there'
      : 'members exchange keepalives, topology and out-of-service messages on it';
  ctx.report(
    'lb-interface-missing',
    range,
    `'interface ${role}' is not configured. Every device of a load-balancing group needs a ${roleWords(role)} interface: ${use}.`,
    { fixes },
  );
}

/** The interface a network engineer most likely means: named outside/inside, else by security level. */
function pickPreferred(role: LbRole, known: InterfaceModel[]): InterfaceModel | undefined {
  const byName = known.find((i) => i.nameif!.value.toLowerCase() === (role === 'lbpublic' ? 'outside' : 'inside'));
  if (byName) return byName;
  const levels = known.filter((i) => i.securityLevel !== null);
  if (levels.length < 2) return undefined;
  const sorted = [...levels].sort((a, b) => a.securityLevel! - b.securityLevel!);
  return role === 'lbpublic' ? sorted[0] : sorted[sorted.length - 1];
}
