// The device model: what one file says about one ASA, every value with the source range it came from.
// Built by applying the file's commands in order, so `no …` lines in transcripts remove what they name.
import type { Range } from '../types';
import type { Command, Token } from '../syntax/parser';
import { isModelLine, type Block, type DocumentKind, type LineNode, type SyntaxTree } from '../syntax/tree';
import { maskToPrefix, parseIPv4, parseIPv6 } from '../net/address';
import { MAX_PRIORITY, MIN_PRIORITY } from '../commands/lb-commands';
import { isLbCommand } from '../commands/table';
import { readHeader, versionBefore, type HeaderModel } from './header';

export { isLbCommand };

/** A value and where it is written. `range` covers the value; `lineRange` the whole command. */
export interface Located<T> {
  value: T;
  line: number;
  range: Range;
  lineRange: Range;
}

export interface InterfaceModel {
  /** Hardware id as written, e.g. `GigabitEthernet0/1` (spaces inside removed). */
  hwid: string;
  headerLine: number;
  headerRange: Range;
  /** The line after which new sub-commands can be inserted (the block's last line). */
  lastLine: number;
  nameif: Located<string> | null;
  securityLevel: number | null;
  /**
   * The IPv4 address. When the file writes a `names` alias (`ip address outside-ip 255.255.255.0`), `address.value`
   * is the address the alias stands for and `alias` the name as written; an alias the file does not define keeps
   * its name as value, which no address check can parse, so it is treated as unknown rather than absent.
   */
  ipv4: {
    address: Located<string>;
    mask: string;
    prefix: number | null;
    standby: Located<string> | null;
    alias?: string;
    standbyAlias?: string;
  } | null;
  ipv4Dhcp: boolean;
  ipv6: { address: Located<string>; prefix: number | null; standby: Located<string> | null }[];
  shutdown: boolean;
  managementOnly: boolean;
}

export type KeyForm = 'clear' | 'encrypted' | 'masked';

export interface ClusterKey {
  form: KeyForm;
  /** The key as written (clear, encrypted or `*****`). Never shown to users: see secrets in ARCHITECTURE.md. */
  secret: string;
}

/** A `vpn load-balancing` command as it stands in the block. */
export interface LbOccurrence {
  line: number;
  command: Command;
  lineRange: Range;
}

export interface LbModel {
  headerLine: number | null;
  /** Range of the `vpn load-balancing` header (or the first block line when there is none). */
  headerRange: Range;
  /** Every line of every load-balancing block, in order. */
  lines: number[];
  lastLine: number;
  /** Recognised commands in order (negated ones included), for duplicate and order checks. */
  occurrences: LbOccurrence[];
  lbpublic: Located<string> | null;
  lbprivate: Located<string> | null;
  priority: Located<number> | null;
  nat: Located<{ ipv4: string | null; ipv6: string | null; hostname: string | null }> | null;
  clusterIp: Located<{ ipv4: string | null; ipv6: string | null }> | null;
  port: Located<number> | null;
  encryption: Located<true> | null;
  key: Located<ClusterKey> | null;
  redirectFqdn: Located<boolean> | null;
  participate: Located<true> | null;
}

export interface PoolModel {
  name: string;
  family: 'ipv4' | 'ipv6';
  /** First and last address of the range (IPv6: first address and count). */
  first: string;
  last: string | null;
  count: number | null;
  line: number;
  lineRange: Range;
  range: Range;
}

export interface GroupUrlModel {
  url: string;
  /** The host part of the URL (address or name), lower case, brackets removed. */
  host: string;
  tunnelGroup: string | null;
  /** False for `group-url URL disable`, which keeps the URL but does not use it. */
  enabled: boolean;
  /** The `enable`/`disable` word, when written. */
  stateRange: Range | null;
  line: number;
  range: Range;
}

export interface DnsServerGroupModel {
  name: string;
  headerLine: number;
  nameServers: Located<string>[];
}

export interface DeviceModel {
  kind: DocumentKind;
  hostname: Located<string> | null;
  /** The hostname shown in a transcript's prompts. */
  promptHostname: string | null;
  interfaces: InterfaceModel[];
  /** Interfaces with IKEv1 enabled, by `crypto ikev1 enable IF` or its pre-8.4 spelling `crypto isakmp enable IF`. */
  ikev1Enabled: Located<string>[];
  /** How this file's first `crypto … enable` line for IKEv1 spells it; null when it has none (see `ikev1Keyword`). */
  ikev1Spelling: 'ikev1' | 'isakmp' | null;
  ikev2Enabled: Located<string>[];
  pools: PoolModel[];
  dnsDomainLookup: Located<string>[];
  dnsServerGroups: DnsServerGroupModel[];
  /** Legacy `dns name-server A` lines and every `name-server` in server groups. */
  nameServers: Located<string>[];
  fips: Located<true> | null;
  multipleContext: Located<true> | null;
  /** The software version and context marker of the header. */
  header: HeaderModel;
  /**
   * A config that is only part of a device (no running-config header and no hostname), such as a saved
   * `show running-config vpn load-balancing`: it is judged on what it shows.
   */
  fragment: boolean;
  localCa: Located<true> | null;
  groupUrls: GroupUrlModel[];
  tunnelGroupHeaders: { name: string; line: number }[];
  sessionLimits: { ipsec: Located<number> | null; ssl: Located<number> | null };
  /** `name ADDRESS NAME` aliases: name → address. */
  names: Map<string, string>;
  lb: LbModel | null;
  /** The last line of the global configuration before the first block that is not a header, for inserts. */
  lineCount: number;
}

export function lineRangeOf(line: LineNode): Range {
  return {
    start: { line: line.index, character: line.commandStart },
    end: { line: line.index, character: trimmedLength(line.text) },
  };
}

/**
 * The length of `text` without trailing white space, as `trimEnd` counts it. Asked for every line the model reads:
 * most end in a printable ASCII character, and answering those without trimming spares a string per line.
 */
export function trimmedLength(text: string): number {
  const last = text.charCodeAt(text.length - 1);
  return last > 32 && last < 127 ? text.length : text.trimEnd().length;
}

export function tokenRange(line: number, token: Token): Range {
  return { start: { line, character: token.start }, end: { line, character: token.end } };
}

function located<T>(value: T, line: LineNode, token: Token | undefined): Located<T> {
  const lineRange = lineRangeOf(line);
  return { value, line: line.index, range: token ? tokenRange(line.index, token) : lineRange, lineRange };
}

export function emptyLb(line: LineNode | null, firstLine: number): LbModel {
  const headerRange = line
    ? lineRangeOf(line)
    : { start: { line: firstLine, character: 0 }, end: { line: firstLine, character: 0 } };
  return {
    headerLine: line ? line.index : null,
    headerRange,
    lines: [],
    lastLine: line ? line.index : firstLine,
    occurrences: [],
    lbpublic: null,
    lbprivate: null,
    priority: null,
    nat: null,
    clusterIp: null,
    port: null,
    encryption: null,
    key: null,
    redirectFqdn: null,
    participate: null,
  };
}

/** Parses a key argument list into its form; the caller must never show `secret`. */
export function keyOf(args: Token[]): ClusterKey | null {
  if (args.length === 0) return null;
  if (args[0]!.text === '8' && args.length >= 2) return { form: 'encrypted', secret: args[1]!.text };
  const text = args[0]!.text;
  if (/^\*+$/.test(text)) return { form: 'masked', secret: text };
  return { form: 'clear', secret: text };
}

export function hostOfUrl(url: string): string {
  const m = /^[a-z]+:\/\/(\[[^\]]+\]|[^/:]+)/i.exec(url);
  const host = m ? m[1]! : url;
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

/** The analysis of the same document before an edit, whose device can be partly reused. */
export interface PreviousDevice {
  tree: SyntaxTree;
  device: DeviceModel;
}

/**
 * Applies every command of the tree in order and returns the resulting device. With `previous`, what an edit cannot
 * have changed is taken from the device before it: when the edit kept the block structure and touched only lines of
 * the load-balancing block or lines the model never reads, only the load-balancing part is rebuilt; otherwise
 * interfaces whose lines are all unchanged are reused as they are.
 */
export function buildDevice(tree: SyntaxTree, previous?: PreviousDevice): DeviceModel {
  if (
    previous &&
    previous.tree.blocks === tree.blocks &&
    previous.tree.lineCount === tree.lineCount &&
    onlyLbChanged(previous.tree, tree)
  ) {
    // The header is read again: its lines are not model lines, so an edit there does not force a rebuild.
    return withHeader(
      { ...previous.device, promptHostname: tree.promptHostname, lb: buildLb(tree, lbModelLines(tree)) },
      tree,
    );
  }
  // Interfaces are memoised only for a document that is being edited (one with a previous analysis): a WeakMap entry
  // per interface of every file made the minor collections of a run over many files carry about a quarter more into
  // the old generation (the entries hold the interfaces' line nodes, and through them the tree). The first edit of a
  // document builds its interfaces in full; the later ones reuse them.
  return withHeader(buildAll(tree, previous !== undefined), tree);
}

/** Adds what the header says, and what follows from it, to a device built from the commands. */
function withHeader(device: DeviceModel, tree: SyntaxTree): DeviceModel {
  const header = readHeader(tree);
  device.header = header;
  device.fragment = device.kind === 'config' && !header.seen && device.hostname === null;
  return device;
}

/**
 * The word a fix writes in `crypto WORD enable IF`: the file's own spelling, else the one of its version
 * (`crypto ikev1` replaced `crypto isakmp` in ASA 8.4), else the current one.
 */
export function ikev1Keyword(device: DeviceModel): 'ikev1' | 'isakmp' {
  return device.ikev1Spelling ?? (versionBefore(device.header.version, 8, 4) ? 'isakmp' : 'ikev1');
}

function onlyLbChanged(before: SyntaxTree, after: SyntaxTree): boolean {
  if (before.modelLines !== after.modelLines || before.promptHostname !== after.promptHostname) return false;
  // The edit log says which lines changed since `before`; without one that starts there, everything is rebuilt.
  const log = after.edited;
  if (!log || log.baseId !== before.id) return false;
  for (const change of log.changes) {
    for (let k = 0; k < change.replaced.length; k++) {
      const was = change.replaced[k]!;
      const now = after.line(change.from + k);
      if (now === was) continue;
      if (now.block?.kind === 'lb' && was.block?.kind === 'lb') continue;
      if (!isModelLine(now) && !isModelLine(was)) continue;
      return false;
    }
  }
  return true;
}

function lbModelLines(tree: SyntaxTree): number[] {
  const out: number[] = [];
  for (const index of tree.modelLines) if (tree.line(index).block?.kind === 'lb') out.push(index);
  return out;
}

/** The load-balancing configuration from the model lines of load-balancing blocks, in order. */
function buildLb(tree: SyntaxTree, indices: number[]): LbModel | null {
  let lb: LbModel | null = null;
  for (const index of indices) {
    const line = tree.line(index);
    const block = line.block!;
    lb ??= emptyLb(block.header !== null ? tree.line(block.header) : null, line.index);
    if (block.header === line.index) continue;
    lb.lines.push(line.index);
    lb.lastLine = Math.max(lb.lastLine, line.index);
    const command = line.parse?.command;
    if (command && isLbCommand(command.id)) {
      lb.occurrences.push({ line: line.index, command, lineRange: lineRangeOf(line) });
      applyLb(lb, command, line);
    }
  }
  return lb;
}

/** An interface built from its block, kept while the block and every node of it stay the same objects. */
const interfaceMemo = new WeakMap<Block, { nodes: LineNode[]; intf: InterfaceModel }>();

function memoisedInterface(tree: SyntaxTree, block: Block): InterfaceModel | undefined {
  const memo = interfaceMemo.get(block);
  if (!memo || memo.nodes.length !== block.lines.length + 1) return undefined;
  if (block.header === null || memo.nodes[0] !== tree.line(block.header)) return undefined;
  for (let i = 0; i < block.lines.length; i++) if (memo.nodes[i + 1] !== tree.line(block.lines[i]!)) return undefined;
  return memo.intf;
}

/** An interface with nothing configured yet, opened by its header line `header`. */
export function emptyInterface(hwid: string, header: LineNode): InterfaceModel {
  return {
    hwid,
    headerLine: header.index,
    headerRange: lineRangeOf(header),
    lastLine: header.index,
    nameif: null,
    securityLevel: null,
    ipv4: null,
    ipv4Dhcp: false,
    ipv6: [],
    shutdown: false,
    managementOnly: false,
  };
}

/** A device with nothing configured yet, for a tree of `kind` with `lineCount` lines. */
export function emptyDevice(kind: DeviceModel['kind'], lineCount: number): DeviceModel {
  return {
    kind,
    hostname: null,
    promptHostname: null,
    interfaces: [],
    ikev1Enabled: [],
    ikev1Spelling: null,
    ikev2Enabled: [],
    pools: [],
    dnsDomainLookup: [],
    dnsServerGroups: [],
    nameServers: [],
    fips: null,
    multipleContext: null,
    header: { version: null, contextLine: null, seen: false },
    fragment: false,
    localCa: null,
    groupUrls: [],
    tunnelGroupHeaders: [],
    sessionLimits: { ipsec: null, ssl: null },
    names: new Map(),
    lb: null,
    lineCount,
  };
}

function buildAll(tree: SyntaxTree, memoise: boolean): DeviceModel {
  const device = emptyDevice(tree.kind, tree.lineCount);
  const interfacesByBlock = new Map<Block, InterfaceModel>();
  const dnsGroupsByBlock = new Map<object, DnsServerGroupModel>();
  const tunnelGroupByBlock = new Map<object, string>();

  const lbLines: number[] = [];
  /** Interface blocks taken whole from the memo: their lines are skipped. */
  const reused = new Set<Block>();

  device.promptHostname = tree.promptHostname;
  for (const index of tree.modelLines) {
    const line = tree.line(index);
    const block = line.block;

    if (block?.kind === 'lb') {
      // The load-balancing block depends on nothing else, so it is built on its own below.
      lbLines.push(index);
      continue;
    }

    const command = line.parse?.command;
    if (!command) continue;

    if (block?.kind === 'interface') {
      if (reused.has(block)) continue;
      let intf = interfacesByBlock.get(block);
      if (!intf && block.header === line.index) {
        const memo = memoisedInterface(tree, block);
        if (memo) {
          reused.add(block);
          device.interfaces.push(memo);
          continue;
        }
      }
      if (!intf) {
        const header = block.header !== null ? tree.line(block.header) : line;
        const hwid =
          command.id === 'interface' && block.header === line.index
            ? command.args.map((a) => a.text).join('')
            : '(interface)';
        intf = emptyInterface(hwid, header);
        interfacesByBlock.set(block, intf);
        device.interfaces.push(intf);
      }
      intf.lastLine = Math.max(intf.lastLine, line.index);
      if (block.header !== line.index) applyInterface(intf, command, line);
      continue;
    }

    if (block?.kind === 'dns-server-group') {
      let group = dnsGroupsByBlock.get(block);
      if (!group) {
        group = { name: command.args[0]?.text ?? '', headerLine: line.index, nameServers: [] };
        dnsGroupsByBlock.set(block, group);
        device.dnsServerGroups.push(group);
      }
      if (command.id === 'name-server' && !command.negated) {
        for (const arg of command.args) {
          if (parseIPv4(arg.text) || parseIPv6(arg.text) || device.names.has(arg.text)) {
            const ns = located(arg.text, line, arg);
            group.nameServers.push(ns);
            device.nameServers.push(ns);
          }
        }
      }
      continue;
    }

    if (block?.kind === 'tunnel-group') {
      if (command.id === 'tunnel-group' && block.header === line.index) {
        const name = command.args[0]?.text ?? '';
        tunnelGroupByBlock.set(block, name);
        device.tunnelGroupHeaders.push({ name, line: line.index });
      } else if (command.id === 'group-url' && !command.negated && command.args[0]) {
        const state = command.args[1];
        device.groupUrls.push({
          url: command.args[0].text,
          host: hostOfUrl(command.args[0].text),
          tunnelGroup: tunnelGroupByBlock.get(block) ?? null,
          enabled: state?.text.toLowerCase() !== 'disable',
          stateRange: state ? tokenRange(line.index, state) : null,
          line: line.index,
          range: lineRangeOf(line),
        });
      }
      continue;
    }

    if (block && block.header !== line.index && block.kind !== 'context') continue;
    applyGlobal(device, command, line);
  }
  device.lb = buildLb(tree, lbLines);
  if (memoise) {
    for (const [block, intf] of interfacesByBlock) {
      if (block.header === null) continue;
      interfaceMemo.set(block, { nodes: [tree.line(block.header), ...block.lines.map((i) => tree.line(i))], intf });
    }
  }
  // Aliases are resolved on copies, after every `name` line is known, so a memoised interface never keeps the
  // address of an alias that has since changed.
  if (device.names.size > 0) device.interfaces = device.interfaces.map((intf) => resolveAliases(intf, device.names));
  return device;
}

function integer(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

export function applyLb(lb: LbModel, command: Command, line: LineNode): void {
  const [a0, a1] = command.args;
  const neg = command.negated;
  switch (command.id) {
    case 'interface-lbpublic':
      if (neg) lb.lbpublic = null;
      else if (a0) lb.lbpublic = located(a0.text, line, a0);
      break;
    case 'interface-lbprivate':
      if (neg) lb.lbprivate = null;
      else if (a0) lb.lbprivate = located(a0.text, line, a0);
      break;
    case 'priority': {
      // The device rejects an out-of-range value and keeps the previous one, so the model does too.
      const value = integer(a0?.text);
      if (neg) lb.priority = null;
      else if (value !== null && value >= MIN_PRIORITY && value <= MAX_PRIORITY) lb.priority = located(value, line, a0);
      break;
    }
    case 'nat': {
      if (neg || !a0) {
        lb.nat = null;
        break;
      }
      const ipv4 = parseIPv4(a0.text) ? a0.text : null;
      const ipv6 = a1 && parseIPv6(a1.text) ? a1.text : !ipv4 && parseIPv6(a0.text) ? a0.text : null;
      const hostname = !ipv4 && !ipv6 ? a0.text : null;
      lb.nat = located({ ipv4, ipv6, hostname }, line, a0);
      break;
    }
    case 'cluster-ip-address': {
      if (neg) {
        lb.clusterIp = null;
        break;
      }
      const ipv4 = a0 && parseIPv4(a0.text) ? a0.text : null;
      const v6Token = ipv4 ? a1 : a0;
      const ipv6 = v6Token && parseIPv6(v6Token.text) ? v6Token.text : null;
      // The device refuses a malformed command or a virtual address without IPv4 ("Virtual IPv4 address is not set")
      // and keeps what it had, so the model does too.
      if (ipv4) lb.clusterIp = located({ ipv4, ipv6 }, line, a0);
      break;
    }
    case 'cluster-port': {
      const value = integer(a0?.text);
      if (neg) lb.port = null;
      else if (value !== null && value >= 1 && value <= 65535) lb.port = located(value, line, a0);
      break;
    }
    case 'cluster-encryption':
      lb.encryption = neg ? null : located(true as const, line, command.keywords[1]);
      break;
    case 'cluster-key': {
      const key = keyOf(command.args);
      const last = command.args[command.args.length - 1];
      lb.key =
        neg || !key
          ? null
          : {
              value: key,
              line: line.index,
              lineRange: lineRangeOf(line),
              range: last
                ? { start: tokenRange(line.index, a0!).start, end: tokenRange(line.index, last).end }
                : lineRangeOf(line),
            };
      break;
    }
    case 'redirect-fqdn': {
      const word = a0?.text.toLowerCase();
      lb.redirectFqdn = neg
        ? null
        : word === 'enable'
          ? located(true, line, a0)
          : word === 'disable'
            ? located(false, line, a0)
            : null;
      break;
    }
    case 'participate':
      lb.participate = neg ? null : located(true as const, line, command.keywords[0]);
      break;
    default:
      break;
  }
}

export function applyInterface(intf: InterfaceModel, command: Command, line: LineNode): void {
  const [a0, a1, a2, a3] = command.args;
  const neg = command.negated;
  switch (command.id) {
    case 'nameif':
      intf.nameif = neg || !a0 ? null : located(a0.text, line, a0);
      break;
    case 'security-level':
      intf.securityLevel = neg ? null : integer(a0?.text);
      break;
    case 'ip-address':
      if (neg) {
        intf.ipv4 = null;
        intf.ipv4Dhcp = false;
      } else if (a0?.text.toLowerCase() === 'dhcp' || a0?.text.toLowerCase() === 'pppoe') {
        intf.ipv4Dhcp = true;
      } else if (a0 && (parseIPv4(a0.text) || isAliasWord(a0.text))) {
        // A word where the address goes is a `names` alias (`name 203.0.113.2 outside-ip`), resolved later.
        const mask = a1 && parseIPv4(a1.text) ? a1.text : '255.255.255.255';
        const standbyWord =
          a2?.text.toLowerCase() === 'standby' && a3 && (parseIPv4(a3.text) || isAliasWord(a3.text)) ? a3 : undefined;
        const standby = standbyWord ? located(standbyWord.text, line, standbyWord) : null;
        intf.ipv4 = { address: located(a0.text, line, a0), mask, prefix: maskToPrefix(mask), standby };
        if (!parseIPv4(a0.text)) intf.ipv4.alias = a0.text;
        if (standbyWord && !parseIPv4(standbyWord.text)) intf.ipv4.standbyAlias = standbyWord.text;
      }
      break;
    case 'ipv6-address': {
      if (neg) {
        intf.ipv6 = [];
        break;
      }
      const m = a0 ? /^([^/]+)\/(\d{1,3})$/.exec(a0.text) : null;
      if (m && parseIPv6(m[1]!)) {
        const standby =
          a1?.text.toLowerCase() === 'standby' && a2 && parseIPv6(a2.text) ? located(a2.text, line, a2) : null;
        intf.ipv6.push({ address: located(m[1]!, line, a0), prefix: Number(m[2]), standby });
      }
      break;
    }
    case 'shutdown':
      intf.shutdown = !neg;
      break;
    default:
      break;
  }
  if (command.id === 'management-only') intf.managementOnly = !neg;
}

/** A word that can be a `names` alias: not a keyword the `ip address` command takes there, not a number. */
function isAliasWord(text: string): boolean {
  return /^[A-Za-z][\w.-]*$/.test(text) && !/^(?:dhcp|pppoe|standby)$/i.test(text);
}

function resolveAliases(intf: InterfaceModel, names: Map<string, string>): InterfaceModel {
  const v4 = intf.ipv4;
  if (!v4 || (v4.alias === undefined && v4.standbyAlias === undefined)) return intf;
  const resolve = (value: Located<string> | null, alias: string | undefined): Located<string> | null => {
    const address = alias !== undefined ? names.get(alias) : undefined;
    return value && address !== undefined && parseIPv4(address) ? { ...value, value: address } : value;
  };
  return {
    ...intf,
    ipv4: { ...v4, address: resolve(v4.address, v4.alias)!, standby: resolve(v4.standby, v4.standbyAlias) },
  };
}

function removeByValue(list: Located<string>[], value: string): void {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.value === value) list.splice(i, 1);
}

export function applyGlobal(device: DeviceModel, command: Command, line: LineNode): void {
  const [a0, a1, a2] = command.args;
  const neg = command.negated;
  switch (command.id) {
    case 'hostname':
      device.hostname = neg || !a0 ? null : located(a0.text, line, a0);
      break;
    case 'crypto-ikev1-enable':
    case 'crypto-ikev2-enable': {
      const list = command.id === 'crypto-ikev1-enable' ? device.ikev1Enabled : device.ikev2Enabled;
      if (!a0) break;
      if (command.id === 'crypto-ikev1-enable')
        device.ikev1Spelling ??= command.keywords[1]?.text.toLowerCase() === 'isakmp' ? 'isakmp' : 'ikev1';
      if (neg) removeByValue(list, a0.text);
      else list.push(located(a0.text, line, a0));
      break;
    }
    case 'crypto-ca-server':
      device.localCa = neg ? null : located(true as const, line, undefined);
      break;
    case 'ip-local-pool': {
      if (neg || !a0 || !a1) break;
      const [first, last] = a1.text.split('-');
      if (first && parseIPv4(first)) {
        device.pools.push({
          name: a0.text,
          family: 'ipv4',
          first,
          last: last && parseIPv4(last) ? last : first,
          count: null,
          line: line.index,
          lineRange: lineRangeOf(line),
          range: tokenRange(line.index, a1),
        });
      }
      break;
    }
    case 'ipv6-local-pool': {
      if (neg || !a0 || !a1) break;
      const m = /^([^/]+)\/(\d{1,3})$/.exec(a1.text);
      const count = integer(a2?.text);
      if (m && parseIPv6(m[1]!)) {
        device.pools.push({
          name: a0.text,
          family: 'ipv6',
          first: m[1]!,
          last: null,
          count,
          line: line.index,
          lineRange: lineRangeOf(line),
          range: tokenRange(line.index, a1),
        });
      }
      break;
    }
    case 'dns-domain-lookup':
      if (!a0) break;
      if (neg) removeByValue(device.dnsDomainLookup, a0.text);
      else device.dnsDomainLookup.push(located(a0.text, line, a0));
      break;
    case 'dns-name-server':
      if (neg) break;
      for (const arg of command.args)
        if (parseIPv4(arg.text) || parseIPv6(arg.text)) device.nameServers.push(located(arg.text, line, arg));
      break;
    case 'fips-enable':
      device.fips = neg ? null : located(true as const, line, undefined);
      break;
    case 'mode-multiple':
      device.multipleContext = neg ? null : located(true as const, line, undefined);
      break;
    case 'context':
      if (!neg) device.multipleContext ??= located(true as const, line, undefined);
      break;
    case 'vpn-sessiondb-other':
    case 'vpn-sessiondb-anyconnect': {
      const value = integer(a0?.text);
      const slot = command.id === 'vpn-sessiondb-other' ? 'ipsec' : 'ssl';
      device.sessionLimits[slot] = neg || value === null ? null : located(value, line, a0);
      break;
    }
    case 'name':
      if (!neg && a0 && a1) device.names.set(a1.text, a0.text);
      break;
    default:
      break;
  }
}
