// Completion in global configuration (and in interface blocks): the `vpn load-balancing` block and the commands it
// depends on, each as a snippet filled from the device. What the device still lacks comes first, in the order a
// member is built: hostname, interfaces, IKEv1 on the private interface, the block, DNS, a pool, a connection profile.
import type { DeviceModel } from '../model/device';
import { rangesOverlap, parseIPv4 } from '../net/address';
import { commandRange, matchPath, type CompletionContext } from './completion-context';
import { nameifValues, valueItems, type ValueSpec } from './completion-values';
import { fileName } from './cursor';
import { interfaceForRole, nameifChoices, namedInterfaces } from './interfaces';
import { choice, escapeSnippet, placeholder } from './snippet-text';
import { freeHost, suggestedVirtualAddress } from './suggest-address';
import type { CoreCompletionItem, CoreCompletionKind } from './types';
import { splitTrailingNumber, type TrailingNumber } from '../syntax/trailing-number';

interface TopCommand {
  label: string;
  path: string[];
  kind: CoreCompletionKind;
  detail: string;
  documentation: string;
  /** Whether the device lacks what the command adds (those sort first). */
  missing(ctx: CompletionContext): boolean;
  /** False when offering the command would only duplicate a line the file already has. */
  offered?(ctx: CompletionContext): boolean;
  /** The snippet, lines joined with the document's end-of-line. */
  snippet(ctx: CompletionContext): string;
  /** Values of argument `index`. */
  values?(ctx: CompletionContext, index: number): ValueSpec[];
}

/** Lines of a multi-line snippet, the first typed where the cursor is and the others with their own prefixes. */
function lines(ctx: CompletionContext, first: string, rest: string[]): string {
  return [first, ...rest].join(ctx.eol);
}

function hostnameGuess(ctx: CompletionContext): string {
  const device = ctx.analysis.device;
  if (device.promptHostname) return device.promptHostname;
  const base = fileName(ctx.uri).replace(/\.[^.]*$/, '');
  return /^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(base) ? base : 'asa1';
}

/** The next hardware id in the file's own numbering (`GigabitEthernet0/2` after `…0/1`); subinterfaces and management ports do not count. */
function nextHardwareId(device: DeviceModel): string {
  // A port number longer than nine digits is no real port; it is left out rather than counted on from.
  const numbered = device.interfaces
    .map((i) => splitTrailingNumber(i.hwid))
    .filter(
      (m): m is TrailingNumber =>
        !!m && m.digits.length <= 9 && !m.stem.includes('.') && !m.stem.toLowerCase().startsWith('management'),
    );
  if (numbered.length === 0) return 'GigabitEthernet0/0';
  const stem = numbered[0]!.stem;
  const taken = new Set(device.interfaces.map((i) => i.hwid.toLowerCase()));
  let n = Math.max(...numbered.filter((m) => m.stem === stem).map((m) => Number(m.digits))) + 1;
  while (taken.has(`${stem}${n}`.toLowerCase())) n++;
  return `${stem}${n}`;
}

/** Every IPv4 interface address of the workspace, so a new interface does not take one another device holds. */
function workspaceAddresses(ctx: CompletionContext): Set<string> {
  const used = new Set<string>();
  for (const uri of ctx.ws.uris()) {
    for (const intf of ctx.ws.device(uri)?.interfaces ?? []) {
      if (intf.ipv4) used.add(intf.ipv4.address.value);
      if (intf.ipv4?.standby) used.add(intf.ipv4.standby.value);
    }
  }
  return used;
}

/** The role the next new interface most likely plays: outside first, then inside, then a DMZ. */
function nextInterface(ctx: CompletionContext): { nameif: string; level: number; address: string; mask: string } {
  const device = ctx.analysis.device;
  const taken = new Set(namedInterfaces(device).map((i) => i.nameif!.value.toLowerCase()));
  // Documentation address ranges (RFC 5737), so nothing real is ever suggested by accident; the next member of a
  // group typed in the same workspace gets the next free host of the same network.
  const mask = '255.255.255.0';
  if (!taken.has('outside'))
    return { nameif: 'outside', level: 0, address: freeHost('203.0.113', workspaceAddresses(ctx)), mask };
  if (!taken.has('inside'))
    return { nameif: 'inside', level: 100, address: freeHost('192.0.2', workspaceAddresses(ctx)), mask };
  let name = 'dmz';
  for (let n = 2; taken.has(name); n++) name = `dmz${n}`;
  return { nameif: name, level: 50, address: freeHost('198.51.100', workspaceAddresses(ctx)), mask };
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

// Pools must not overlap across the members of a group, so a new pool avoids every pool of the workspace.
function freePool(ctx: CompletionContext): string {
  const pools: { first: string; last: string }[] = [];
  for (const uri of ctx.ws.uris()) {
    for (const pool of ctx.ws.device(uri)?.pools ?? [])
      if (pool.family === 'ipv4' && pool.last) pools.push({ first: pool.first, last: pool.last });
  }
  for (let third = 1; third < 256; third++) {
    const first = `10.100.${third}.1`;
    const last = `10.100.${third}.254`;
    const clash = pools.some((p) => {
      const [a1, a2, b1, b2] = [parseIPv4(first), parseIPv4(last), parseIPv4(p.first), parseIPv4(p.last)];
      return !!(a1 && a2 && b1 && b2) && rangesOverlap(a1, a2, b1, b2);
    });
    if (!clash) return `${first}-${last}`;
  }
  return '10.100.1.1-10.100.1.254';
}

function hasLbBlockBefore(ctx: CompletionContext): boolean {
  const lb = ctx.analysis.device.lb;
  if (!lb) return false;
  if (ctx.analysis.tree.kind === 'config') return lb.headerLine !== ctx.line.index;
  return lb.headerLine !== null && lb.headerLine < ctx.line.index;
}

const TOP_COMMANDS: readonly TopCommand[] = [
  {
    label: 'hostname',
    path: ['hostname'],
    kind: 'keyword',
    detail: 'The device name: members are told apart by it in the preview and in change scripts.',
    documentation: 'Sets the device name. Every member of a group should have its own.',
    missing: (ctx) => !ctx.analysis.device.hostname || ctx.analysis.device.hostname.line === ctx.line.index,
    offered: (ctx) =>
      ctx.analysis.tree.kind === 'transcript' ||
      !ctx.analysis.device.hostname ||
      ctx.analysis.device.hostname.line === ctx.line.index,
    snippet: (ctx) => `hostname ${placeholder(1, hostnameGuess(ctx))}`,
    values: (ctx, index) =>
      index === 0 ? [{ label: hostnameGuess(ctx), detail: 'from the file name or the prompt' }] : [],
  },
  {
    label: 'interface',
    path: ['interface'],
    kind: 'snippet',
    detail: 'A new interface with nameif, security-level and ip address.',
    documentation:
      'An interface block. Load balancing needs two named interfaces with IPv4 addresses: a public one (clients reach the group there) and a private one (members talk there).',
    missing: (ctx) => namedInterfaces(ctx.analysis.device).filter((i) => i.ipv4).length < 2,
    snippet: (ctx) => {
      const device = ctx.analysis.device;
      const next = nextInterface(ctx);
      const p = ctx.prefixes.interface;
      return lines(ctx, `interface ${placeholder(1, nextHardwareId(device))}`, [
        `${p}nameif ${placeholder(2, next.nameif)}`,
        `${p}security-level ${placeholder(3, String(next.level))}`,
        `${p}ip address ${placeholder(4, next.address)} ${placeholder(5, next.mask)}$0`,
      ]);
    },
    values: (ctx, index) =>
      index === 0 ? [{ label: nextHardwareId(ctx.analysis.device), detail: 'the next free hardware id' }] : [],
  },
  {
    label: 'crypto ikev1 enable',
    path: ['crypto', 'ikev1', 'enable'],
    kind: 'keyword',
    detail: 'IKEv1 on the private interface: cluster encryption runs over it.',
    documentation:
      'Enables IKEv1 on an interface. With `cluster encryption`, members build IPsec tunnels over the private (lbprivate) interface, so IKEv1 must be enabled there before encryption or `participate` are applied.',
    missing: (ctx) => {
      const nameif = interfaceForRole(ctx.analysis.device, 'lbprivate')?.nameif?.value;
      return !!nameif && !ctx.analysis.device.ikev1Enabled.some((e) => e.value === nameif);
    },
    snippet: (ctx) =>
      `crypto ikev1 enable ${choice(
        1,
        nameifChoices(ctx.analysis.device, 'lbprivate').map((i) => i.nameif!.value),
        'inside',
      )}`,
    values: (ctx, index) => (index === 0 ? nameifValues(ctx, 'lbprivate') : []),
  },
  {
    label: 'vpn load-balancing',
    path: ['vpn', 'load-balancing'],
    kind: 'snippet',
    detail: 'Opens the load-balancing block with its public and private interfaces.',
    documentation:
      'Enters the load-balancing sub-mode. The block names the public and private interfaces, the group’s virtual address and the other group settings; nothing takes effect until `participate`.',
    missing: (ctx) => !hasLbBlockBefore(ctx),
    offered: (ctx) => ctx.analysis.tree.kind === 'transcript' || !hasLbBlockBefore(ctx),
    snippet: (ctx) => {
      // Re-entering the sub-mode in a change script must not repeat the interface lines the block already has.
      if (hasLbBlockBefore(ctx)) return 'vpn load-balancing';
      const device = ctx.analysis.device;
      const p = ctx.prefixes.lb;
      const pub = nameifChoices(device, 'lbpublic').map((i) => i.nameif!.value);
      const priv = nameifChoices(device, 'lbprivate').map((i) => i.nameif!.value);
      return lines(ctx, 'vpn load-balancing', [
        `${p}interface lbpublic ${choice(1, pub, 'outside')}`,
        `${p}interface lbprivate ${choice(2, priv, 'inside')}$0`,
      ]);
    },
  },
  {
    label: 'dns domain-lookup',
    path: ['dns', 'domain-lookup'],
    kind: 'keyword',
    detail: "DNS lookups on an interface: 'redirect-fqdn enable' needs them.",
    documentation:
      'Lets the device resolve names through the name servers reachable on an interface. The director needs it to redirect clients by DNS name (`redirect-fqdn enable`).',
    missing: (ctx) => ctx.analysis.device.dnsDomainLookup.length === 0,
    snippet: (ctx) =>
      `dns domain-lookup ${choice(
        1,
        nameifChoices(ctx.analysis.device, 'lbprivate').map((i) => i.nameif!.value),
        'inside',
      )}`,
    values: (ctx, index) => (index === 0 ? nameifValues(ctx, 'lbprivate') : []),
  },
  {
    label: 'dns server-group DefaultDNS',
    path: ['dns', 'server-group'],
    kind: 'snippet',
    detail: "A name server: 'redirect-fqdn enable' needs one.",
    documentation:
      'The name servers the device asks. With `redirect-fqdn enable` the director looks up each member’s name through them.',
    missing: (ctx) => ctx.analysis.device.nameServers.length === 0,
    snippet: (ctx) =>
      lines(ctx, 'dns server-group DefaultDNS', [
        `${ctx.prefixes.dnsServerGroup}name-server ${placeholder(1, '192.0.2.53')}$0`,
      ]),
    values: (_ctx, index) =>
      index === 0 ? [{ label: 'DefaultDNS', detail: 'the group the device uses by default' }] : [],
  },
  {
    label: 'ip local pool',
    path: ['ip', 'local', 'pool'],
    kind: 'keyword',
    detail: 'An address pool for VPN clients; pools must not overlap between members.',
    documentation:
      'Addresses handed to VPN clients of this device. Each member of a group needs its own range: overlapping pools give two clients the same address.',
    missing: (ctx) => ctx.analysis.device.pools.length === 0,
    snippet: (ctx) => {
      const name = unique('VPN-POOL', new Set(ctx.analysis.device.pools.map((p) => p.name)));
      return `ip local pool ${placeholder(1, name)} ${placeholder(2, freePool(ctx))} mask ${placeholder(3, '255.255.255.0')}`;
    },
  },
  {
    label: 'tunnel-group webvpn-attributes',
    path: ['tunnel-group'],
    kind: 'snippet',
    detail: 'A connection profile with group URLs for the virtual address and this device.',
    documentation:
      'A remote-access connection profile whose group URLs name the group’s virtual address (where clients arrive) and this device’s own public address (where the director may send them).',
    missing: (ctx) => ctx.analysis.device.groupUrls.length === 0,
    snippet: (ctx) => {
      const device = ctx.analysis.device;
      const name = unique('RA-VPN', new Set(device.tunnelGroupHeaders.map((t) => t.name)));
      const vip = suggestedVirtualAddress(ctx.ws, ctx.uri, device) ?? '203.0.113.100';
      // Behind NAT the director hands out the `nat` address, so that is this member's public address.
      const own =
        device.lb?.nat?.value.ipv4 ?? interfaceForRole(device, 'lbpublic')?.ipv4?.address.value ?? '203.0.113.2';
      const v6 = device.lb?.clusterIp?.value.ipv6;
      const p = ctx.prefixes.tunnelWebvpn;
      const g = ctx.prefixes.global;
      const urls = [`${p}group-url https://${placeholder(2, vip)}/\${1} enable`];
      if (v6) urls.push(`${p}group-url https://[${escapeSnippet(v6)}]/\${1} enable`);
      urls.push(`${p}group-url https://${placeholder(3, own)}/\${1} enable$0`);
      return lines(ctx, `tunnel-group ${placeholder(1, name)} type remote-access`, [
        `${g}tunnel-group \${1} webvpn-attributes`,
        ...urls,
      ]);
    },
    values: (ctx, index) => {
      if (index === 0)
        return ctx.analysis.device.tunnelGroupHeaders.map((t) => ({
          label: t.name,
          detail: 'an existing connection profile',
        }));
      if (index === 1) {
        return [
          { label: 'webvpn-attributes', kind: 'enumMember', detail: 'group URLs and other SSL settings' },
          { label: 'general-attributes', kind: 'enumMember', detail: 'address pools and other general settings' },
          { label: 'type', kind: 'enumMember', detail: 'type remote-access' },
        ];
      }
      return [];
    },
  },
  {
    label: 'crypto ikev2 enable',
    path: ['crypto', 'ikev2', 'enable'],
    kind: 'keyword',
    detail: 'IKEv2 on an interface (AnyConnect IPsec clients arrive on the public one).',
    documentation: 'Enables IKEv2 on an interface, usually the public one, for AnyConnect IPsec clients.',
    missing: () => false,
    snippet: (ctx) =>
      `crypto ikev2 enable ${choice(
        1,
        nameifChoices(ctx.analysis.device, 'lbpublic').map((i) => i.nameif!.value),
        'outside',
      )}`,
    values: (ctx, index) => (index === 0 ? nameifValues(ctx, 'lbpublic') : []),
  },
];

/** Global-configuration items: missing prerequisites first, in build order, then the rest. */
export function topItems(ctx: CompletionContext): CoreCompletionItem[] {
  if (ctx.negated) return [];
  const commands: CoreCompletionItem[] = [];
  const values: ValueSpec[] = [];
  const range = commandRange(ctx);
  TOP_COMMANDS.forEach((command, rank) => {
    const match = matchPath(ctx, command.path);
    if (!match) return;
    if (match.at === 'argument') {
      values.push(...(command.values?.(ctx, match.index) ?? []));
      return;
    }
    if (command.offered && !command.offered(ctx)) return;
    const text = command.snippet(ctx);
    const tier = command.missing(ctx) ? 0 : 1;
    commands.push({
      label: command.label,
      kind: command.kind,
      detail: command.detail,
      documentation: command.documentation,
      insertText: text,
      insertTextFormat: 'snippet',
      textEdit: { range, newText: text },
      filterText: command.path.join(' '),
      sortText: `${tier}${String(rank).padStart(2, '0')}`,
    });
  });
  commands.sort((a, b) => a.sortText.localeCompare(b.sortText));
  return [...commands, ...valueItems(ctx, values)];
}

interface InterfaceCommand {
  label: string;
  path: string[];
  present(ctx: CompletionContext): boolean;
  snippet(ctx: CompletionContext): string;
  detail: string;
}

function currentInterface(ctx: CompletionContext) {
  return ctx.analysis.device.interfaces.find((i) => i.headerLine === ctx.blockHeader);
}

const INTERFACE_COMMANDS: readonly InterfaceCommand[] = [
  {
    label: 'nameif',
    path: ['nameif'],
    present: (ctx) => !!currentInterface(ctx)?.nameif,
    snippet: (ctx) => `nameif ${placeholder(1, nextInterface(ctx).nameif)}`,
    detail: 'The interface’s name, which every other command uses.',
  },
  {
    label: 'security-level',
    path: ['security-level'],
    present: (ctx) => currentInterface(ctx)?.securityLevel != null,
    snippet: (ctx) => {
      const name = currentInterface(ctx)?.nameif?.value.toLowerCase();
      return `security-level ${placeholder(1, name === 'outside' ? '0' : name === 'inside' ? '100' : '50')}`;
    },
    detail: '0 for the outside, 100 for the inside.',
  },
  {
    label: 'ip address',
    path: ['ip', 'address'],
    present: (ctx) => !!currentInterface(ctx)?.ipv4,
    snippet: () => `ip address ${placeholder(1, '192.0.2.2')} ${placeholder(2, '255.255.255.0')}`,
    detail: 'The IPv4 address and mask; load balancing needs one on the public and the private interface.',
  },
];

/** Items inside an interface block: the three lines load balancing relies on, when the interface lacks them. */
export function interfaceItems(ctx: CompletionContext): CoreCompletionItem[] {
  if (ctx.negated) return [];
  const range = commandRange(ctx);
  const items: CoreCompletionItem[] = [];
  INTERFACE_COMMANDS.forEach((command, rank) => {
    if (matchPath(ctx, command.path)?.at !== 'keyword' || command.present(ctx)) return;
    const text = command.snippet(ctx);
    items.push({
      label: command.label,
      kind: 'keyword',
      detail: command.detail,
      documentation: '',
      insertText: text,
      insertTextFormat: 'snippet',
      textEdit: { range, newText: text },
      filterText: command.label,
      sortText: String(rank).padStart(3, '0'),
    });
  });
  return items;
}
