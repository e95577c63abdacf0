// Completion items for argument positions: interface names, priorities with the director each would give,
// virtual addresses, ports, the encrypted-key marker and enable/disable. Each replaces only the word being typed.
import { DEFAULT_CLUSTER_PORT, DEFAULT_PRIORITY, MAX_PRIORITY, MIN_PRIORITY } from '../commands/lb-commands';
import type { InterfaceModel } from '../model/device';
import { parseAddress } from '../net/address';
import { electDirector } from '../sim/election';
import { fitsPartial, wordRange, type CompletionContext } from './completion-context';
import { joinWords } from './cursor';
import { electionReason, memberNames } from './group-info';
import { interfaceDetail, interfaceMarkdown, nameifChoices, type LbRole } from './interfaces';
import { freePublicAddress, matchingGroups, publicNetwork } from './suggest-address';
import type { CoreCompletionItem, CoreCompletionKind } from './types';

export interface ValueSpec {
  label: string;
  kind?: CoreCompletionKind;
  detail: string;
  documentation?: string;
  /** Text to insert when it differs from the label. */
  insert?: string;
  preselect?: boolean;
}

/** Turns value specs into items that replace the word being typed, keeping only those that fit it, in the given order. */
export function valueItems(ctx: CompletionContext, values: ValueSpec[]): CoreCompletionItem[] {
  const range = wordRange(ctx);
  return values
    .filter((v) => fitsPartial(ctx, v.label))
    .map((v, i) => {
      const text = v.insert ?? v.label;
      const item: CoreCompletionItem = {
        label: v.label,
        kind: v.kind ?? 'value',
        detail: v.detail,
        documentation: v.documentation ?? '',
        insertText: text,
        insertTextFormat: 'plain',
        textEdit: { range, newText: text },
        sortText: String(i).padStart(3, '0'),
      };
      if (v.preselect) item.preselect = true;
      return item;
    });
}

/** What an interface is for, relative to the load-balancing roles of this device. */
function roleNote(ctx: CompletionContext, intf: InterfaceModel): string {
  const lb = ctx.analysis.device.lb;
  const name = intf.nameif!.value;
  if (lb?.lbpublic?.value === name) return ' · the public (lbpublic) interface';
  if (lb?.lbprivate?.value === name) return ' · the private (lbprivate) interface';
  return '';
}

/** The device's nameif values, best candidate for `role` first. */
export function nameifValues(ctx: CompletionContext, role: LbRole): ValueSpec[] {
  return nameifChoices(ctx.analysis.device, role).map((intf) => ({
    label: intf.nameif!.value,
    kind: 'reference',
    detail: interfaceDetail(intf) + roleNote(ctx, intf),
    documentation: [`**${intf.nameif!.value}**`, '', ...interfaceMarkdown(intf)].join('\n'),
  }));
}

function priorityMeaning(value: number): string {
  if (value === MAX_PRIORITY) return 'most likely to become director';
  if (value === MIN_PRIORITY) return 'least likely to become director';
  if (value === DEFAULT_PRIORITY) return 'what this product assumes when priority is not set';
  return value > DEFAULT_PRIORITY ? 'more likely than the assumed default 5' : 'less likely than the assumed default 5';
}

/** 1–10, each with what it means and, when the device is in a group, who the election would pick with that value. */
export function priorityValues(ctx: CompletionContext): ValueSpec[] {
  const group = ctx.ws.groupOf(ctx.uri);
  const names = group ? memberNames(group) : null;
  const current = ctx.analysis.device.lb?.priority?.value ?? DEFAULT_PRIORITY;
  const values: ValueSpec[] = [];
  for (let value = MIN_PRIORITY; value <= MAX_PRIORITY; value++) {
    let detail = priorityMeaning(value);
    const docs = [
      `**priority ${value}**: ${detail}.`,
      '',
      'The highest priority wins the election; of equal priorities the lower IP address wins (the product compares public addresses; the chapter does not say which).',
    ];
    if (group && names) {
      // This device stands as if it participated with the new value; the others keep what their files say.
      const members = group.members.map((m) =>
        m.uri === ctx.uri ? { ...m, priority: value, priorityConfigured: true, participates: true } : m,
      );
      const election = electDirector(members);
      if (election) {
        const winner = election.winner.uri === ctx.uri ? 'this device' : names.get(election.winner.uri)!;
        const reason = electionReason(
          { ...group, members, predictedDirector: election.winner.uri, electionRule: election.rule },
          names,
        );
        detail += ` · director: ${winner}`;
        docs.push('', `With this value the predicted director of ${group.clusterIp} is **${winner}**: ${reason}.`);
      }
    }
    values.push({ label: String(value), detail, documentation: docs.join('\n'), preselect: value === current });
  }
  return values;
}

/** The group's virtual address when a workspace group matches this device's public network, else a free public address. */
export function virtualAddressValues(ctx: CompletionContext): ValueSpec[] {
  const { ws, uri } = ctx;
  const device = ctx.analysis.device;
  const groups = matchingGroups(ws, uri, device);
  if (groups.length > 0) {
    return groups.map(({ group }) => {
      const names = memberNames(group);
      const others = group.members.filter((m) => m.uri !== uri).map((m) => names.get(m.uri)!);
      const rows = group.members.map(
        (m) =>
          `| ${names.get(m.uri)} | ${m.publicIp ?? '—'} | ${m.priority}${m.priorityConfigured ? '' : ' (assumed)'} |`,
      );
      return {
        label: group.clusterIp,
        detail: `group of ${others.length} other member${others.length === 1 ? '' : 's'}: ${joinWords(others)}`,
        documentation: [
          `Join the group at **${group.clusterIp}**.`,
          '',
          '| member | public address | priority |',
          '|---|---|---|',
          ...rows,
        ].join('\n'),
      };
    });
  }
  const free = freePublicAddress(ws, uri, device);
  const network = publicNetwork(device);
  if (!free || !network) return [];
  return [
    {
      label: free,
      detail: `a free address of the public subnet (${network.address}/${network.prefix}): a new group`,
      documentation:
        'No group of the workspace uses this public subnet yet. The virtual address must be free, inside the public subnet, and the same on every member.',
    },
  ];
}

/** The IPv6 virtual address of the group whose IPv4 address is already typed. */
export function virtualIpv6Values(ctx: CompletionContext, ipv4: string): ValueSpec[] {
  const address = parseAddress(ipv4)?.toString();
  const group = address ? ctx.ws.groups().find((g) => g.clusterIp === address) : undefined;
  if (!group) return [];
  for (const member of group.members) {
    const v6 = ctx.ws.summary(member.uri)?.clusterIpv6;
    if (v6) return [{ label: v6, detail: `the IPv6 virtual address of group ${group.clusterIp}` }];
  }
  return [];
}

/** The port other members configure (when it is not the default), then the default 9023. */
export function portValues(ctx: CompletionContext): ValueSpec[] {
  const values: ValueSpec[] = [];
  const group = ctx.ws.groupOf(ctx.uri) ?? matchingGroups(ctx.ws, ctx.uri, ctx.analysis.device)[0]?.group;
  if (group) {
    const names = memberNames(group);
    const byPort = new Map<number, string[]>();
    for (const member of group.members) {
      if (member.uri === ctx.uri) continue;
      const port = ctx.ws.summary(member.uri)?.port;
      if (port !== undefined && port !== DEFAULT_CLUSTER_PORT)
        byPort.set(port, [...(byPort.get(port) ?? []), names.get(member.uri)!]);
    }
    for (const [port, users] of byPort)
      values.push({ label: String(port), detail: `the port ${joinWords(users)} use${users.length === 1 ? 's' : ''}` });
  }
  values.push({ label: String(DEFAULT_CLUSTER_PORT), detail: 'the default port', preselect: values.length === 0 });
  return values;
}

/** Only the marker of the encrypted form: a key value is never offered. */
export function keyValues(): ValueSpec[] {
  return [
    {
      label: '8',
      kind: 'enumMember',
      insert: '8 ',
      detail: 'the key that follows is already encrypted',
      documentation:
        'Write `8` and then the encrypted key copied from a device, so the file never holds the secret in clear text. Completion never offers a key value.',
    },
  ];
}

export function redirectValues(ctx: CompletionContext): ValueSpec[] {
  const device = ctx.analysis.device;
  const missing: string[] = [];
  if (device.dnsDomainLookup.length === 0) missing.push("'dns domain-lookup'");
  if (device.nameServers.length === 0) missing.push('a name server');
  const note = missing.length > 0 && ctx.analysis.tree.kind === 'config' ? ` · needs ${joinWords(missing)}` : '';
  return [
    { label: 'enable', kind: 'enumMember', detail: `redirect clients to members' DNS names${note}` },
    { label: 'disable', kind: 'enumMember', detail: 'redirect clients to member addresses (the default)' },
  ];
}
