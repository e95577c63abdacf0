// Completion inside `vpn load-balancing`: the sub-mode commands the block does not have yet (from the command table,
// as snippets filled with this device's values), and the values each command's arguments accept.
import { lbCommand, type LbCommandId, type LbCommandSpec } from '../commands/lb-commands';
import { insertLinesBefore } from '../fixes/edits';
import type { TextEdit } from '../types';
import { commandRange, matchPath, type CompletionContext } from './completion-context';
import {
  keyValues,
  nameifValues,
  portValues,
  priorityValues,
  redirectValues,
  valueItems,
  virtualAddressValues,
  virtualIpv6Values,
  type ValueSpec,
} from './completion-values';
import { joinWords } from './cursor';
import { interfaceForRole, nameifChoices } from './interfaces';
import { lbCommandMarkdown } from './lb-docs';
import { choice, placeholder } from './snippet-text';
import { natPlaceholder, suggestedVirtualAddress } from './suggest-address';
import type { CoreCompletionItem } from './types';

/**
 * The order commands are offered in: what a member cannot do without first, then the settings, `cluster key` before
 * `cluster encryption` (the device refuses encryption without a key), `nat` only for members behind NAT, and
 * `participate` last because it turns everything above on.
 */
const ORDER: readonly LbCommandId[] = [
  'interface-lbpublic',
  'interface-lbprivate',
  'cluster-ip-address',
  'priority',
  'cluster-port',
  'cluster-key',
  'cluster-encryption',
  'redirect-fqdn',
  'nat',
  'participate',
];

/** The commands already set in the block, not counting the cursor's line; in a transcript, as of the cursor's line. */
export function presentCommands(ctx: CompletionContext): Set<LbCommandId> {
  const present = new Set<LbCommandId>();
  const lb = ctx.analysis.device.lb;
  if (!lb) return present;
  const transcript = ctx.analysis.tree.kind === 'transcript';
  for (const occurrence of lb.occurrences) {
    if (occurrence.line === ctx.line.index) continue;
    // A change script applies its lines in order: what comes after the cursor is not there yet.
    if (transcript && occurrence.line > ctx.line.index) break;
    const id = occurrence.command.id as LbCommandId;
    if (occurrence.command.negated) present.delete(id);
    else present.add(id);
  }
  return present;
}

function privateNameif(ctx: CompletionContext): string | null {
  return interfaceForRole(ctx.analysis.device, 'lbprivate')?.nameif?.value ?? null;
}

/** The snippet of a command, with this device's values as the defaults where the table's are generic. */
function snippetFor(ctx: CompletionContext, spec: LbCommandSpec): string {
  const device = ctx.analysis.device;
  switch (spec.id) {
    case 'interface-lbpublic':
      return `interface lbpublic ${choice(
        1,
        nameifChoices(device, 'lbpublic').map((i) => i.nameif!.value),
        'outside',
      )}`;
    case 'interface-lbprivate':
      return `interface lbprivate ${choice(
        1,
        nameifChoices(device, 'lbprivate').map((i) => i.nameif!.value),
        'inside',
      )}`;
    case 'cluster-ip-address': {
      const vip = suggestedVirtualAddress(ctx.ws, ctx.uri, device);
      return vip ? `cluster ip address ${placeholder(1, vip)}` : spec.snippet;
    }
    case 'cluster-port': {
      const port = portValues(ctx)[0]!.label;
      return `cluster port ${placeholder(1, port)}`;
    }
    case 'nat':
      return `nat ${placeholder(1, natPlaceholder(ctx.ws, ctx.uri))}`;
    default:
      return spec.snippet;
  }
}

/** What the device still lacks before this command can work, in words (empty when nothing). */
function missingFor(ctx: CompletionContext, id: LbCommandId, present: Set<LbCommandId>): string[] {
  const device = ctx.analysis.device;
  const missing: string[] = [];
  if (id === 'cluster-encryption') {
    if (!present.has('cluster-key')) missing.push("'cluster key'");
    const nameif = privateNameif(ctx);
    if (nameif && !device.ikev1Enabled.some((e) => e.value === nameif)) missing.push(`'crypto ikev1 enable ${nameif}'`);
  }
  if (id === 'participate') {
    if (!present.has('interface-lbpublic')) missing.push("'interface lbpublic'");
    if (!present.has('interface-lbprivate')) missing.push("'interface lbprivate'");
    if (!present.has('cluster-ip-address')) missing.push("'cluster ip address'");
  }
  return missing;
}

/**
 * `cluster encryption` runs over IKEv1 on the private interface: when the device lacks `crypto ikev1 enable`,
 * accepting the item also inserts that line before the block, so the item never leaves an error behind.
 */
function ikev1Edit(ctx: CompletionContext): TextEdit | null {
  const { device, tree } = ctx.analysis;
  const header = device.lb?.headerLine;
  const nameif = privateNameif(ctx);
  if (header === null || header === undefined || !nameif || device.ikev1Enabled.some((e) => e.value === nameif))
    return null;
  // In a change script the prerequisite must come before the block's lines, as the device applies them in order.
  if (tree.kind === 'transcript' && header > ctx.line.index) return null;
  return insertLinesBefore(tree, header, [`${ctx.prefixes.global}crypto ikev1 enable ${nameif}`]);
}

function commandItem(
  ctx: CompletionContext,
  spec: LbCommandSpec,
  rank: number,
  present: Set<LbCommandId>,
): CoreCompletionItem {
  const label = spec.keywords.join(' ');
  const missing = missingFor(ctx, spec.id, present);
  const detail = missing.length > 0 ? `${spec.summary} Needs ${joinWords(missing)} first.` : spec.summary;
  const text = ctx.linePrefix + (ctx.negated ? label : snippetFor(ctx, spec));
  const item: CoreCompletionItem = {
    label,
    kind: 'keyword',
    detail,
    documentation: lbCommandMarkdown(spec),
    insertText: text,
    insertTextFormat: ctx.negated ? 'plain' : 'snippet',
    textEdit: { range: commandRange(ctx), newText: text },
    filterText: label,
    sortText: String(rank).padStart(3, '0'),
  };
  if (spec.id === 'cluster-encryption' && !ctx.negated) {
    const edit = ikev1Edit(ctx);
    if (edit) {
      item.additionalTextEdits = [edit];
      item.detail += ` Accepting it also adds '${edit.newText.trim()}' before the block.`;
    }
  }
  return item;
}

/** Values for argument `index` of a command, after the words `previous` of earlier arguments. */
function argumentValues(ctx: CompletionContext, id: LbCommandId, index: number, previous: string[]): ValueSpec[] {
  switch (id) {
    case 'interface-lbpublic':
      return index === 0 ? nameifValues(ctx, 'lbpublic') : [];
    case 'interface-lbprivate':
      return index === 0 ? nameifValues(ctx, 'lbprivate') : [];
    case 'priority':
      return index === 0 ? priorityValues(ctx) : [];
    case 'cluster-ip-address':
      if (index === 0) return virtualAddressValues(ctx);
      return index === 1 && previous[0] ? virtualIpv6Values(ctx, previous[0]) : [];
    case 'cluster-port':
      return index === 0 ? portValues(ctx) : [];
    case 'cluster-key':
      // After `8` comes the encrypted key itself, which completion never offers.
      return index === 0 ? keyValues() : [];
    case 'redirect-fqdn':
      return index === 0 ? redirectValues(ctx) : [];
    default:
      return [];
  }
}

/** Every load-balancing item for the context: whole commands at keyword positions, values at argument positions. */
export function lbItems(ctx: CompletionContext): CoreCompletionItem[] {
  const present = presentCommands(ctx);
  const fips = ctx.analysis.device.fips !== null;
  const items: CoreCompletionItem[] = [];
  const values: ValueSpec[] = [];
  ORDER.forEach((id, rank) => {
    const spec = lbCommand(id);
    const match = matchPath(ctx, spec.keywords);
    if (!match) return;
    if (match.at === 'argument') {
      if (!ctx.negated) values.push(...argumentValues(ctx, id, match.index, match.previous));
      return;
    }
    // `no …` removes a setting, so it offers what is set; otherwise only what is not set yet (a second line would be a duplicate).
    if (ctx.negated !== present.has(id)) return;
    // Encryption is refused in FIPS mode: offering it would only produce an error.
    if (id === 'cluster-encryption' && fips && !ctx.negated) return;
    items.push(commandItem(ctx, spec, rank, present));
  });
  return [...items, ...valueItems(ctx, values)];
}

/** The order commands are offered in; a test keeps it in step with the command table. */
export function lbCompletionOrder(): readonly LbCommandId[] {
  return ORDER;
}
