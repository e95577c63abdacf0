// lb-interface-undefined, lb-interface-missing and lb-interfaces-same: the public and private interfaces
// named in the block must exist (by nameif, case-sensitive), both be set, and differ.
import type { Fix } from '../../types';
import { insertLinesAfter, replace } from '../../fixes/edits';
import type { InterfaceModel, Located } from '../../model/device';
import { here, lbInsertAfter, lbLinePrefix, namedInterfaces, type DeviceContext } from '../context';

type Role = 'lbpublic' | 'lbprivate';

export function checkLbInterfaces(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  const transcriptWithoutBase = ctx.tree.kind === 'transcript' && !ctx.base;
  const known = knownInterfaces(ctx);
  for (const role of ['lbpublic', 'lbprivate'] as const) {
    const setting = lb[role];
    if (setting) {
      // A change script that defines no interfaces runs on a device whose interfaces we cannot see.
      if (transcriptWithoutBase && known.length === 0) continue;
      if (!known.some((i) => i.nameif!.value === setting.value)) reportUndefined(ctx, role, setting, known);
    } else if (!transcriptWithoutBase) {
      reportMissing(ctx, role, known);
    }
  }
  if (lb.lbpublic && lb.lbprivate && lb.lbpublic.value === lb.lbprivate.value) {
    ctx.report('lb-interfaces-same', lb.lbprivate.range, `The public and private load-balancing interfaces are both '${lb.lbprivate.value}'. Clients arrive on the public one and members exchange keepalives on the private one; using one interface for both mixes client traffic with member-to-member messages.`, {
      related: [here(ctx, lb.lbpublic.lineRange, 'The public interface is set here.')],
    });
  }
}

function knownInterfaces(ctx: DeviceContext): InterfaceModel[] {
  const own = namedInterfaces(ctx.device);
  if (!ctx.base) return own;
  return [...namedInterfaces(ctx.base), ...own];
}

function roleWords(role: Role): string {
  return role === 'lbpublic' ? 'public (outside)' : 'private (inside)';
}

function reportUndefined(ctx: DeviceContext, role: Role, setting: Located<string>, known: InterfaceModel[]): void {
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
    : names.length > 0
      ? ` Interfaces with a nameif: ${names.join(', ')}.`
      : ' This file names no interface (no nameif lines).';
  ctx.report('lb-interface-undefined', setting.range, `No interface has 'nameif ${setting.value}', so the ${roleWords(role)} load-balancing interface does not exist.${hint}`, { fixes });
}

function reportMissing(ctx: DeviceContext, role: Role, known: InterfaceModel[]): void {
  const lb = ctx.device.lb!;
  const participates = lb.participate !== null;
  const range = lb.participate && participates ? lb.participate.range : lb.headerRange;
  const preferredName = pickPreferred(role, known);
  const prefix = lbLinePrefix(ctx);
  const after = lbInsertAfter(ctx, role === 'lbpublic' ? 'interface-lbpublic' : 'interface-lbprivate');
  const fixes: Fix[] = known.map((intf) => ({
    title: `Insert 'interface ${role} ${intf.nameif!.value}'`,
    edits: [insertLinesAfter(ctx.tree, Math.max(after, 0), [`${prefix}interface ${role} ${intf.nameif!.value}`])],
    preferred: intf === preferredName,
  }));
  const consequence = participates
    ? 'The device refuses to participate without it.'
    : 'The device will refuse `participate` until it is set.';
  ctx.report('lb-interface-missing', range, `'interface ${role}' is not configured: every member needs a ${roleWords(role)} interface for load balancing. ${consequence}`, {
    severity: participates ? 'error' : 'warning',
    fixes,
  });
}

/** The interface a network engineer most likely means: named outside/inside, else by security level. */
function pickPreferred(role: Role, known: InterfaceModel[]): InterfaceModel | undefined {
  const byName = known.find((i) => i.nameif!.value.toLowerCase() === (role === 'lbpublic' ? 'outside' : 'inside'));
  if (byName) return byName;
  const levels = known.filter((i) => i.securityLevel !== null);
  if (levels.length < 2) return undefined;
  const sorted = [...levels].sort((a, b) => a.securityLevel! - b.securityLevel!);
  return role === 'lbpublic' ? sorted[0] : sorted[sorted.length - 1];
}
