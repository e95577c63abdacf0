// Judges a transcript line by line, as the device applies it: encryption-without-key and encryption-without-ikev1
// at 'cluster encryption', and the prerequisites of 'participate' at that line.
// Without the device's prior configuration a prerequisite counts as missing only when the script itself shows it
// was (it adds it later, or removed it earlier).
import { insertLinesBefore } from '../../fixes/edits';
import type { DeviceModel } from '../../model/device';
import { ikev1Keyword, isLbCommand } from '../../model/device';
import type { Command } from '../../syntax/parser';
import { globalLinePrefix, here, lbLinePrefix, type DeviceContext } from '../context';
import type { Range } from '../../types';

/** Present, explicitly absent, or unknown (the script has not touched it and the prior state is not known). */
type Known<T> = { state: 'present'; value: T } | { state: 'absent' } | { state: 'unknown' };

interface State {
  key: Known<true>;
  lbpublic: Known<string>;
  lbprivate: Known<string>;
  clusterIp: Known<true>;
  encryption: Known<true>;
  /** Interfaces with IKEv1 known enabled or known disabled. */
  ikev1: Map<string, boolean>;
  ikev1Unknown: boolean;
}

function fromBase(base: DeviceModel | null): State {
  if (!base) {
    return { key: { state: 'unknown' }, lbpublic: { state: 'unknown' }, lbprivate: { state: 'unknown' }, clusterIp: { state: 'unknown' }, encryption: { state: 'unknown' }, ikev1: new Map(), ikev1Unknown: true };
  }
  const lb = base.lb;
  const known = <T>(value: T | null | undefined): Known<T> => (value !== null && value !== undefined ? { state: 'present', value } : { state: 'absent' });
  return {
    key: known(lb?.key ? (true as const) : null),
    lbpublic: known(lb?.lbpublic?.value),
    lbprivate: known(lb?.lbprivate?.value),
    clusterIp: known(lb?.clusterIp ? (true as const) : null),
    encryption: known(lb?.encryption ? (true as const) : null),
    ikev1: new Map(base.ikev1Enabled.map((e) => [e.value, true])),
    ikev1Unknown: false,
  };
}

export function checkTranscriptOrder(ctx: DeviceContext): void {
  if (ctx.tree.kind !== 'transcript' || !ctx.device.lb) return;
  const state = fromBase(ctx.base);
  const later = laterSettings(ctx);
  for (const line of ctx.tree.lines) {
    const command = line.parse?.command;
    if (line.kind !== 'command' || !command) continue;
    const inLb = line.block?.kind === 'lb';
    if (inLb && isLbCommand(command.id)) {
      const range: Range = { start: { line: line.index, character: line.commandStart }, end: { line: line.index, character: line.text.trimEnd().length } };
      if (command.id === 'cluster-encryption' && !command.negated) {
        checkKey(ctx, state, later, line.index, range);
        checkIkev1(ctx, state, later, line.index, range, 'cluster encryption');
      }
      if (command.id === 'participate' && !command.negated) checkParticipate(ctx, state, later, line.index, range);
      applyLb(state, command);
    } else if (!inLb || command.id === 'crypto-ikev1-enable') {
      if (command.id === 'crypto-ikev1-enable' && command.args[0]) state.ikev1.set(command.args[0].text, !command.negated);
    }
  }
}

/** For each setting, the first line at which the script sets it (to tell "missing now" from "unknown"). */
function laterSettings(ctx: DeviceContext): Map<string, number> {
  const first = new Map<string, number>();
  for (const line of ctx.tree.lines) {
    const command = line.parse?.command;
    if (line.kind !== 'command' || !command || command.negated) continue;
    const key = command.id === 'crypto-ikev1-enable' ? `ikev1:${command.args[0]?.text ?? ''}` : command.id;
    if (!first.has(key)) first.set(key, line.index);
  }
  return first;
}

function missingNow<T>(known: Known<T>, laterLine: number | undefined, at: number): boolean {
  if (known.state === 'present') return false;
  if (known.state === 'absent') return true;
  return laterLine !== undefined && laterLine > at;
}

function applyLb(state: State, command: Command): void {
  const present = !command.negated;
  switch (command.id) {
    case 'cluster-key':
      state.key = present && command.args.length > 0 ? { state: 'present', value: true } : { state: 'absent' };
      break;
    case 'interface-lbpublic':
      state.lbpublic = present && command.args[0] ? { state: 'present', value: command.args[0].text } : { state: 'absent' };
      break;
    case 'interface-lbprivate':
      state.lbprivate = present && command.args[0] ? { state: 'present', value: command.args[0].text } : { state: 'absent' };
      break;
    case 'cluster-ip-address':
      state.clusterIp = present && command.args.length > 0 ? { state: 'present', value: true } : { state: 'absent' };
      break;
    case 'cluster-encryption':
      state.encryption = present ? { state: 'present', value: true } : { state: 'absent' };
      break;
    default:
      break;
  }
}

function checkKey(ctx: DeviceContext, state: State, later: Map<string, number>, at: number, range: Range): void {
  if (!missingNow(state.key, later.get('cluster-key'), at)) return;
  const laterLine = later.get('cluster-key');
  ctx.report('encryption-without-key', range, `'cluster encryption' is applied before any 'cluster key'${laterLine !== undefined && laterLine > at ? ` (the key comes later, on line ${laterLine + 1})` : ''}. The chapter requires the shared secret first ("you must first specify and verify a shared secret"); set the key before encryption.`, {
    fixes: [{ title: "Insert 'cluster key' before 'cluster encryption' (type the group's key)", edits: [insertLinesBefore(ctx.tree, at, [`${lbLinePrefix(ctx)}cluster key CHANGE-ME`])] }],
  });
}

function privateInterface(ctx: DeviceContext, state: State): string | null {
  if (state.lbprivate.state === 'present') return state.lbprivate.value;
  return ctx.device.lb?.lbprivate?.value ?? null;
}

function checkIkev1(ctx: DeviceContext, state: State, later: Map<string, number>, at: number, range: Range, what: string): void {
  const nameif = privateInterface(ctx, state);
  if (!nameif) return;
  const enabled = state.ikev1.get(nameif);
  if (enabled === true) return;
  const laterLine = later.get(`ikev1:${nameif}`);
  // A script that disables IKEv1 before it enables it again shows it was on until then, not that it was missing.
  const enabledLater = laterLine !== undefined && laterLine > at && !disabledBetween(ctx, nameif, at, laterLine);
  const missing = enabled === false || !state.ikev1Unknown || enabledLater;
  if (!missing) return;
  // Before the `vpn load-balancing` that leads to this line: an earlier one may precede a line that disabled IKEv1.
  const insertAt = enteringLine(ctx, at);
  // `crypto isakmp enable` is the same command before ASA 8.4: the fix writes the script's own spelling.
  const command = `crypto ${ikev1Keyword(ctx.base && !ctx.device.ikev1Spelling ? ctx.base : ctx.device)} enable ${nameif}`;
  const why = enabled === false ? `IKEv1 was disabled on '${nameif}' earlier in the script` : laterLine !== undefined && laterLine > at ? `'${command}' only comes later, on line ${laterLine + 1}` : `IKEv1 is not enabled on '${nameif}'`;
  // What the chapter says happens, in its terms: an error message, and at `participate` encryption stays off.
  const outcome = what === 'participate'
    ? 'The chapter: the device gives an error message at \'participate\', and encryption is not enabled for the group.'
    : 'The chapter: the device gives an error message when group encryption is configured this way.';
  ctx.report('encryption-without-ikev1', range, `'${what}' is applied while ${why}; cluster encryption needs IKEv1 enabled on the private interface first. ${outcome}`, {
    related: laterLine !== undefined ? [here(ctx, { start: { line: laterLine, character: 0 }, end: { line: laterLine, character: ctx.tree.lines[laterLine]!.text.length } }, 'IKEv1 is enabled here, too late.')] : [],
    fixes: [{ title: `Insert '${command}' before the load-balancing commands`, edits: [insertLinesBefore(ctx.tree, insertAt, [`${globalLinePrefix(ctx)}${command}`])], preferred: true }],
  });
}

function disabledBetween(ctx: DeviceContext, nameif: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const command = ctx.tree.lines[i]!.parse?.command;
    if (command?.id === 'crypto-ikev1-enable' && command.negated && command.args[0]?.text === nameif) return true;
  }
  return false;
}

/** The `vpn load-balancing` line that entered the mode of line `at`, or `at` itself when there is none. */
function enteringLine(ctx: DeviceContext, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const command = ctx.tree.lines[i]!.parse?.command;
    if (command?.id === 'vpn-load-balancing') return i;
    if (ctx.tree.lines[i]!.block?.kind !== 'lb') break;
  }
  return at;
}

function checkParticipate(ctx: DeviceContext, state: State, later: Map<string, number>, at: number, range: Range): void {
  if (state.encryption.state === 'present') checkIkev1(ctx, state, later, at, range, 'participate');
  const missing: string[] = [];
  if (missingNow(state.lbpublic, later.get('interface-lbpublic'), at)) missing.push("'interface lbpublic'");
  if (missingNow(state.lbprivate, later.get('interface-lbprivate'), at)) missing.push("'interface lbprivate'");
  // The chapter's own running-config shows `participate` without these, so the device accepts the line: warnings
  // that say what is missing, never that the device refuses to participate.
  for (const role of missing) {
    ctx.report('lb-interface-missing', range, `'participate' is applied before ${role} is set. Every device of a load-balancing group needs a public and a private interface.`);
  }
  if (missingNow(state.clusterIp, later.get('cluster-ip-address'), at)) {
    ctx.report('cluster-ip-missing', range, "'participate' is applied before 'cluster ip address' is set. The virtual address is where clients connect first; without one this device is in no group.");
  }
}
