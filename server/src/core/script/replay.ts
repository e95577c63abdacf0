// The change-script engine: applies a transcript's commands in order, as the device would, on top of the device's
// configuration when it is known (or on an unknown device), and finds what the device requires in order: the
// interfaces before the load-balancing lines that name them, the key and IKEv1 before `cluster encryption`, IKEv1
// still on at `participate`, and a prerequisite removed only after what depends on it. SPEC §4.2.
import {
  applyGlobal,
  applyInterface,
  applyLb,
  emptyDevice,
  emptyInterface,
  emptyLb,
  hostOfUrl,
  ikev1Keyword,
  isLbCommand,
  lineRangeOf,
  tokenRange,
  type DeviceModel,
  type InterfaceModel,
  type Located,
} from '../model/device';
import { readHeader } from '../model/header';
import type { Command } from '../syntax/parser';
import type { LineNode, SyntaxTree } from '../syntax/tree';
import { inSubnet, parseAddress, parseIPv4 } from '../net/address';
import type { Range } from '../types';
import { markedCopy } from './base-marks';

/** A line the device applies out of order, or refuses. Turned into a diagnostic by checks/device/transcript-order.ts. */
export interface OrderProblem {
  code:
    | 'lb-interface-undefined'
    | 'cluster-ip-outside-public-subnet'
    | 'encryption-without-key'
    | 'encryption-without-ikev1'
    | 'lb-interface-missing'
    | 'cluster-ip-missing';
  line: number;
  range: Range;
  message: string;
  /** Lines of the script the message names (where the prerequisite comes too late). */
  related: { line: number; message: string }[];
  /** For a missing IKEv1: the nameif to enable, and where a fix inserts it. */
  enableIkev1?: { nameif: string; before: number };
  /** For a missing key: insert one before this line. */
  insertKeyBefore?: number;
}

export interface Replay {
  /** The device after the script: the base configuration with every applied line of the script on top. */
  device: DeviceModel;
  /** Whether the device's configuration before the script was known. */
  baseKnown: boolean;
  problems: OrderProblem[];
  /** Lines the device refuses, and so does not apply (SPEC §4.2: judged as if absent). */
  rejected: Set<number>;
}

/** What the script itself sets later (to tell "missing now" from "unknown" on an unknown device). */
interface Ahead {
  /** The first line that sets each setting, keyed like `cluster-key`, `ikev1:inside`, `nameif:outside`. */
  first: Map<string, number[]>;
  /** The lines that remove each setting (`no …`), keyed the same way. */
  removals: Map<string, number[]>;
  /** How the script's first IKEv1 line spells it (`crypto isakmp enable` before ASA 8.4), null when it has none. */
  ikev1Spelling: 'ikev1' | 'isakmp' | null;
  /** Every IPv4 interface address the script sets, with its prefix. */
  addresses: { line: number; address: string; prefix: number | null }[];
}

function settingKey(command: Command): string | null {
  const a0 = command.args[0]?.text;
  switch (command.id) {
    case 'crypto-ikev1-enable':
      return a0 ? `ikev1:${a0}` : null;
    case 'nameif':
      return a0 ? `nameif:${a0}` : null;
    case 'cluster-key':
    case 'interface-lbpublic':
    case 'interface-lbprivate':
    case 'cluster-ip-address':
    case 'cluster-encryption':
      return command.id;
    default:
      return null;
  }
}

function commandLines(tree: SyntaxTree): LineNode[] {
  return tree.lines.filter((l) => l.kind === 'command' && l.parse?.command);
}

function lookAhead(lines: LineNode[]): Ahead {
  const first = new Map<string, number[]>();
  const removals = new Map<string, number[]>();
  const addresses: Ahead['addresses'] = [];
  let ikev1Spelling: Ahead['ikev1Spelling'] = null;
  for (const line of lines) {
    const command = line.parse!.command!;
    if (command.id === 'crypto-ikev1-enable')
      ikev1Spelling ??= command.keywords[1]?.text.toLowerCase() === 'isakmp' ? 'isakmp' : 'ikev1';
    const key = settingKey(command);
    if (command.negated) {
      if (key) removals.set(key, [...(removals.get(key) ?? []), line.index]);
      continue;
    }
    if (key) first.set(key, [...(first.get(key) ?? []), line.index]);
    if (command.id === 'ip-address' && command.args[0] && parseIPv4(command.args[0].text)) {
      const mask = command.args[1]?.text;
      const prefix = mask && parseIPv4(mask) ? prefixOf(mask) : null;
      addresses.push({ line: line.index, address: command.args[0].text, prefix });
    }
  }
  return { first, removals, ikev1Spelling, addresses };
}

function prefixOf(mask: string): number | null {
  const parts = mask.split('.').map(Number);
  let bits = 0;
  let ended = false;
  for (const part of parts) {
    for (let b = 7; b >= 0; b--) {
      const on = (part >> b) & 1;
      if (on && ended) return null;
      if (on) bits++;
      else ended = true;
    }
  }
  return bits;
}

/** An unknown device: nothing configured, as a script without a known base starts from. */
function unknownDevice(tree: SyntaxTree): DeviceModel {
  return { ...emptyDevice('config', tree.lineCount), promptHostname: tree.promptHostname, header: readHeader(tree) };
}

function located<T>(value: T, line: LineNode): Located<T> {
  const range = lineRangeOf(line);
  return { value, line: line.index, range, lineRange: range };
}

/** The hardware id of the interface a sub-mode line belongs to, from its block's header. */
function interfaceId(tree: SyntaxTree, line: LineNode): string {
  const header = line.block?.header;
  const command = header !== null && header !== undefined ? tree.line(header).parse?.command : null;
  return command?.id === 'interface' ? command.args.map((a) => a.text).join('') : '(interface)';
}

function headerArg(tree: SyntaxTree, line: LineNode): string {
  const header = line.block?.header;
  return header !== null && header !== undefined ? (tree.line(header).parse?.command?.args[0]?.text ?? '') : '';
}

/**
 * Applies the script on `base` (or on a device whose configuration is unknown, when `base` is null) line by line.
 * A line the device refuses (`cluster encryption` without the key or IKEv1) is not applied; lines that come before
 * their prerequisites are reported once, at that line, and then taken as applied, so that what follows is not
 * blamed for the same cause again.
 */
export function replayScript(tree: SyntaxTree, base: DeviceModel | null): Replay {
  const device = base ? markedCopy(base) : unknownDevice(tree);
  device.kind = 'transcript';
  device.promptHostname = tree.promptHostname;
  const lines = commandLines(tree);
  const ahead = lookAhead(lines);
  const problems: OrderProblem[] = [];
  const rejected = new Set<number>();
  /** Settings the script removed (so on an unknown device they are known to be absent from then on). */
  const removed = new Set<string>();
  const known = base !== null;

  const later = (key: string, at: number): number | undefined => ahead.first.get(key)?.find((l) => l > at);
  /** Whether a setting absent now is known to be missing (not merely unknown on an unknown device). */
  const missing = (key: string, at: number): boolean => known || removed.has(key) || later(key, at) !== undefined;

  for (const line of lines) {
    const command = line.parse!.command!;
    const at = line.index;
    const inLb = line.block?.kind === 'lb';
    if (command.id === 'vpn-load-balancing' && !command.negated) {
      if (!device.lb) device.lb = emptyLb(line, at);
      else if (device.lb.headerLine === null) {
        // The script's own header: what is said about the block as a whole is said there.
        device.lb.headerLine = at;
        device.lb.headerRange = lineRangeOf(line);
        device.lb.lastLine = Math.max(device.lb.lastLine, at);
      }
      continue;
    }
    if (inLb && isLbCommand(command.id)) {
      device.lb ??= emptyLb(null, at);
      const lb = device.lb;
      const range = lineRangeOf(line);
      let refuse = false;
      if (!command.negated) {
        switch (command.id) {
          case 'interface-lbpublic':
          case 'interface-lbprivate':
            checkInterfaceNamed(command, line, device, ahead, problems);
            break;
          case 'cluster-ip-address':
            checkVirtualAddressInterface(command, line, device, ahead, problems);
            break;
          case 'cluster-encryption': {
            if (!lb.key && missing('cluster-key', at)) {
              const next = later('cluster-key', at);
              problems.push({
                code: 'encryption-without-key',
                line: at,
                range,
                message: `'cluster encryption' is applied before any 'cluster key'${next !== undefined ? ` (the key comes later, on line ${next + 1})` : ''}. The chapter requires the shared secret first ("you must first specify and verify a shared secret"); set the key before encryption.`,
                related: next !== undefined ? [{ line: next, message: 'The key is set here, too late.' }] : [],
                insertKeyBefore: at,
              });
              refuse = true;
            }
            const ikev1 = ikev1Problem(device, ahead, removed, known, at);
            if (ikev1) {
              problems.push(
                ikev1Missing(
                  ikev1,
                  at,
                  range,
                  enteringLine(tree, at),
                  `'cluster encryption' is applied while ${ikev1.why}; cluster encryption needs IKEv1 enabled on the private interface first. The chapter: the device gives an error message when group encryption is configured this way.`,
                ),
              );
              refuse = true;
            }
            break;
          }
          case 'participate': {
            if (lb.encryption) {
              const ikev1 = ikev1Problem(device, ahead, removed, known, at);
              if (ikev1) {
                problems.push(
                  ikev1Missing(
                    ikev1,
                    at,
                    range,
                    enteringLine(tree, at),
                    `'participate' is applied while ${ikev1.why}; cluster encryption needs IKEv1 enabled on the private interface first. The chapter: the device gives an error message at 'participate', and encryption is not enabled for the group.`,
                  ),
                );
                // What the chapter says happens: the device participates, without encryption.
                lb.encryption = null;
              }
            }
            for (const role of ['lbpublic', 'lbprivate'] as const) {
              const next = later(`interface-${role}`, at);
              if (!lb[role] && next !== undefined) {
                problems.push({
                  code: 'lb-interface-missing',
                  line: at,
                  range,
                  message: `'participate' comes before 'interface ${role}' (line ${next + 1}). Every device of a load-balancing group needs a public and a private interface; the chapter has them configured first.`,
                  related: [{ line: next, message: `'interface ${role}' is set here.` }],
                });
              }
            }
            const nextIp = later('cluster-ip-address', at);
            if (!lb.clusterIp && nextIp !== undefined) {
              problems.push({
                code: 'cluster-ip-missing',
                line: at,
                range,
                message: `'participate' comes before 'cluster ip address' (line ${nextIp + 1}); until that line the device has no virtual address and belongs to no group.`,
                related: [{ line: nextIp, message: 'The virtual address is set here.' }],
              });
            }
            break;
          }
          default:
            break;
        }
      } else {
        checkLbRemoval(command, line, device, problems);
        const key = settingKey(command);
        if (key) removed.add(key);
      }
      if (refuse) rejected.add(at);
      else {
        applyLb(lb, command, line);
        lb.lines.push(at);
        lb.lastLine = Math.max(lb.lastLine, at);
        lb.occurrences.push({ line: at, command, lineRange: lineRangeOf(line) });
      }
      continue;
    }
    if (inLb) continue;
    const block = line.block;
    if (block?.kind === 'interface' && block.header !== at) {
      const hwid = interfaceId(tree, line);
      const intf = interfaceFor(device, hwid, line);
      const oldName = intf.nameif?.value;
      if (command.id === 'nameif') checkNameifRemoval(command, line, intf, device, problems);
      applyInterface(intf, command, line);
      if (command.id === 'nameif' && oldName && intf.nameif?.value !== oldName) removed.add(`nameif:${oldName}`);
      continue;
    }
    if (block?.kind === 'interface' && block.header === at && command.id === 'interface') {
      interfaceFor(device, command.args.map((a) => a.text).join(''), line);
      continue;
    }
    if (block?.kind === 'dns-server-group' && block.header !== at) {
      applyNameServer(device, headerArg(tree, line), command, line);
      continue;
    }
    if (block?.kind === 'dns-server-group') {
      const name = command.args[0]?.text ?? '';
      if (!device.dnsServerGroups.some((g) => g.name === name))
        device.dnsServerGroups.push({ name, headerLine: at, nameServers: [] });
      continue;
    }
    if (block?.kind === 'tunnel-group') {
      if (command.id === 'group-url' && command.args[0]) applyGroupUrl(device, headerArg(tree, line), command, line);
      continue;
    }
    if (block && block.header !== at && block.kind !== 'context') continue;
    if (command.negated && command.id === 'crypto-ikev1-enable' && command.args[0]) {
      checkIkev1Removal(command.args[0].text, line, device, problems);
      removed.add(`ikev1:${command.args[0].text}`);
    }
    applyGlobalRemovals(device, command);
    applyGlobal(device, command, line);
  }
  return { device, baseKnown: known, problems, rejected };
}

function interfaceFor(device: DeviceModel, hwid: string, line: LineNode): InterfaceModel {
  const found = device.interfaces.find((i) => i.hwid.toLowerCase() === hwid.toLowerCase());
  if (found) return found;
  const intf = emptyInterface(hwid, line);
  device.interfaces.push(intf);
  return intf;
}

function interfaceByName(device: DeviceModel, nameif: string): InterfaceModel | undefined {
  return device.interfaces.find((i) => i.nameif?.value === nameif);
}

/** `interface lbpublic|lbprivate X` needs the interface named X already (the chapter: interfaces first). */
function checkInterfaceNamed(
  command: Command,
  line: LineNode,
  device: DeviceModel,
  ahead: Ahead,
  problems: OrderProblem[],
): void {
  const name = command.args[0];
  if (!name || interfaceByName(device, name.text)) return;
  const next = ahead.first.get(`nameif:${name.text}`)?.find((l) => l > line.index);
  // Named nowhere, not even later: the checks of the final configuration report it as undefined.
  if (next === undefined) return;
  const role = command.id === 'interface-lbpublic' ? 'public' : 'private';
  problems.push({
    code: 'lb-interface-undefined',
    line: line.index,
    range: { start: { line: line.index, character: name.start }, end: { line: line.index, character: name.end } },
    message: `The ${role} load-balancing interface '${name.text}' is set before any interface is named '${name.text}' (its 'nameif' comes on line ${next + 1}). The chapter requires the public and private interfaces to be configured first; move this line after it.`,
    related: [{ line: next, message: `'nameif ${name.text}' is set here, too late.` }],
  });
}

/** `cluster ip address` needs the interface the virtual address belongs to configured first (the chapter). */
function checkVirtualAddressInterface(
  command: Command,
  line: LineNode,
  device: DeviceModel,
  ahead: Ahead,
  problems: OrderProblem[],
): void {
  const token = command.args[0];
  const vip = token && parseIPv4(token.text) ? parseAddress(token.text) : null;
  if (!vip) return;
  const holds = (address: string, prefix: number | null): boolean => {
    const network = parseAddress(address);
    return network !== null && prefix !== null && inSubnet(vip, network, prefix);
  };
  const publicName = device.lb?.lbpublic?.value;
  const candidates = publicName ? device.interfaces.filter((i) => i.nameif?.value === publicName) : device.interfaces;
  if (candidates.some((i) => i.ipv4 && holds(i.ipv4.address.value, i.ipv4.prefix))) return;
  const next = ahead.addresses.find((a) => a.line > line.index && holds(a.address, a.prefix));
  if (!next) return;
  problems.push({
    code: 'cluster-ip-outside-public-subnet',
    line: line.index,
    range: { start: { line: line.index, character: token!.start }, end: { line: line.index, character: token!.end } },
    message: `The virtual address ${token!.text} is set before the interface it belongs to has its address (${next.address}/${next.prefix}, on line ${next.line + 1}). The chapter requires the interface the virtual address refers to to be configured first; move this line after it.`,
    related: [{ line: next.line, message: 'The interface gets its address here, too late.' }],
  });
}

/**
 * Where a global line goes so that it comes before line `at` of the load-balancing mode: before the `vpn
 * load-balancing` that entered that mode, or right before `at` when a global line (one that may disable IKEv1 again)
 * stands between them.
 */
function enteringLine(tree: SyntaxTree, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const line = tree.line(i);
    if (line.parse?.command?.id === 'vpn-load-balancing') return i;
    if (line.block?.kind !== 'lb') break;
  }
  return at;
}

interface Ikev1Gap {
  nameif: string;
  why: string;
  laterLine: number | undefined;
}

/** Whether IKEv1 is known to be off on the private interface now (null when on, or unknown). */
function ikev1Problem(
  device: DeviceModel,
  ahead: Ahead,
  removed: Set<string>,
  known: boolean,
  at: number,
): Ikev1Gap | null {
  const nameif = device.lb?.lbprivate?.value;
  if (!nameif) return null;
  if (device.ikev1Enabled.some((e) => e.value === nameif)) return null;
  const key = `ikev1:${nameif}`;
  const enabledAt = ahead.first.get(key)?.find((l) => l > at);
  // A script that disables IKEv1 before it enables it again shows it was on until then, not that it was missing.
  const laterLine =
    enabledAt !== undefined && !ahead.removals.get(key)?.some((l) => l > at && l < enabledAt) ? enabledAt : undefined;
  if (!known && !removed.has(key) && laterLine === undefined) return null;
  const why = removed.has(key)
    ? `IKEv1 was disabled on '${nameif}' earlier in the script`
    : laterLine !== undefined
      ? `'crypto ${device.ikev1Spelling ?? ahead.ikev1Spelling ?? ikev1Keyword(device)} enable ${nameif}' only comes later, on line ${laterLine + 1}`
      : `IKEv1 is not enabled on the private interface '${nameif}'`;
  return { nameif, why, laterLine };
}

/** The problem of a line applied while IKEv1 is off on the private interface, with the fix that enables it before. */
function ikev1Missing(ikev1: Ikev1Gap, at: number, range: Range, before: number, message: string): OrderProblem {
  return {
    code: 'encryption-without-ikev1',
    line: at,
    range,
    message,
    related:
      ikev1.laterLine !== undefined ? [{ line: ikev1.laterLine, message: 'IKEv1 is enabled here, too late.' }] : [],
    enableIkev1: { nameif: ikev1.nameif, before },
  };
}

/** Removing the key while encryption is on: the prerequisite goes before what depends on it. */
function checkLbRemoval(command: Command, line: LineNode, device: DeviceModel, problems: OrderProblem[]): void {
  const lb = device.lb;
  if (command.id === 'cluster-key' && lb?.encryption) {
    problems.push({
      code: 'encryption-without-key',
      line: line.index,
      range: lineRangeOf(line),
      message:
        "'no cluster key' removes the shared secret while cluster encryption is still on. Remove 'cluster encryption' first, then the key (the product's reading of the chapter's rule that the key comes before encryption).",
      related: [],
    });
  }
}

function checkIkev1Removal(nameif: string, line: LineNode, device: DeviceModel, problems: OrderProblem[]): void {
  const lb = device.lb;
  // Before 'participate' the chapter has the device answer at 'participate' itself; that is judged there.
  if (
    !lb?.encryption ||
    !lb.participate ||
    lb.lbprivate?.value !== nameif ||
    !device.ikev1Enabled.some((e) => e.value === nameif)
  )
    return;
  problems.push({
    code: 'encryption-without-ikev1',
    line: line.index,
    range: lineRangeOf(line),
    message: `This disables IKEv1 on '${nameif}' while the device participates with cluster encryption running over it. Remove 'cluster encryption' first (the product's reading: the chapter says only that 'participate' after IKEv1 was disabled gets an error message and encryption is not enabled).`,
    related: [],
  });
}

function checkNameifRemoval(
  command: Command,
  line: LineNode,
  intf: InterfaceModel,
  device: DeviceModel,
  problems: OrderProblem[],
): void {
  const old = intf.nameif?.value;
  const now = command.negated ? null : (command.args[0]?.text ?? null);
  if (!old || old === now) return;
  const lb = device.lb;
  const role = lb?.lbpublic?.value === old ? 'lbpublic' : lb?.lbprivate?.value === old ? 'lbprivate' : null;
  if (!role) return;
  problems.push({
    code: 'lb-interface-undefined',
    line: line.index,
    range: lineRangeOf(line),
    message: `This takes the name '${old}' away from ${intf.hwid} while 'interface ${role} ${old}' still uses it. Point 'interface ${role}' at the new interface first, then change the name (the product's reading of the chapter's rule that the interfaces come first).`,
    related: [],
  });
}

function applyNameServer(device: DeviceModel, group: string, command: Command, line: LineNode): void {
  if (command.id !== 'name-server') return;
  let entry = device.dnsServerGroups.find((g) => g.name === group);
  if (!entry) {
    entry = { name: group, headerLine: line.index, nameServers: [] };
    device.dnsServerGroups.push(entry);
  }
  const values = command.args.map((a) => a.text).filter((t) => parseAddress(t) || device.names.has(t));
  if (command.negated) {
    // A group written in two blocks is one group on the device.
    for (const group of device.dnsServerGroups)
      if (group.name === entry.name) group.nameServers = group.nameServers.filter((n) => !values.includes(n.value));
    device.nameServers = device.nameServers.filter((n) => !values.includes(n.value));
    return;
  }
  for (const value of values) {
    const ns = located(value, line);
    entry.nameServers.push(ns);
    device.nameServers.push(ns);
  }
}

function applyGroupUrl(device: DeviceModel, tunnelGroup: string, command: Command, line: LineNode): void {
  const url = command.args[0]!.text;
  device.groupUrls = device.groupUrls.filter((u) => !(u.url === url && u.tunnelGroup === tunnelGroup));
  if (command.negated) return;
  const state = command.args[1];
  device.groupUrls.push({
    url,
    host: hostOfUrl(url),
    tunnelGroup,
    enabled: state?.text.toLowerCase() !== 'disable',
    stateRange: state ? tokenRange(line.index, state) : null,
    line: line.index,
    range: lineRangeOf(line),
  });
}

/** The `no` forms the configuration model ignores (a saved configuration never holds them). */
function applyGlobalRemovals(device: DeviceModel, command: Command): void {
  if (!command.negated) return;
  if (command.id === 'ip-local-pool' || command.id === 'ipv6-local-pool') {
    const name = command.args[0]?.text;
    if (name) device.pools = device.pools.filter((p) => p.name !== name);
  }
  if (command.id === 'dns-name-server') {
    const values = command.args.map((a) => a.text);
    const inGroups = new Set(device.dnsServerGroups.flatMap((g) => g.nameServers));
    device.nameServers = device.nameServers.filter((n) => inGroups.has(n) || !values.includes(n.value));
  }
}
