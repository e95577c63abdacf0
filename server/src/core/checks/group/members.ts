// What every group check shares: naming members, reporting with the code's severity, telling devices apart
// from their change scripts, and choosing the value a group should agree on (majority, ties to the director).
import type { DeviceSummary } from '../../group/summary';
import { electDirector } from '../../sim/election';
import type { Fix, Position, Range, RelatedLocation, TextEdit } from '../../types';
import { codeInfo, type DiagnosticCode } from '../codes';
import type { GroupContext } from './context';

/** The file name at the end of a URI or path, for members that have no hostname. */
export function fileName(uri: string): string {
  const last = uri.split(/[/\\]/).pop() || uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function sameHostname(a: DeviceSummary, b: DeviceSummary): boolean {
  // Hostnames end up in DNS and logs, where case does not distinguish names.
  return a.hostname !== null && b.hostname !== null && a.hostname.value.toLowerCase() === b.hostname.value.toLowerCase();
}

/**
 * How a member is named in messages: its hostname, or its file name when it has none.
 * When two members of `among` share a hostname, the file name is added so that the message still says which one.
 */
export function memberName(member: DeviceSummary, among: readonly DeviceSummary[] = []): string {
  if (!member.hostname) return fileName(member.uri);
  const clash = among.some((other) => other.uri !== member.uri && sameHostname(other, member));
  return clash ? `${member.hostname.value} (${fileName(member.uri)})` : member.hostname.value;
}

/**
 * Whether two summaries describe the same device: a change script and the device's configuration (or two scripts
 * for one device) share its hostname. Two configurations are always two devices, even with one hostname.
 */
export function sameDevice(a: DeviceSummary, b: DeviceSummary): boolean {
  if (a.uri === b.uri) return true;
  return (a.kind === 'transcript' || b.kind === 'transcript') && sameHostname(a, b);
}

/**
 * The distinct devices among `summaries`, in their order. A change script is represented by its device's
 * configuration when that is present (the script is judged on top of it by the single-device checks), so that a
 * device is never compared with itself.
 */
export function distinctDevices(summaries: readonly DeviceSummary[]): DeviceSummary[] {
  const configs = summaries.filter((s) => s.kind === 'config');
  const out: DeviceSummary[] = [...configs];
  for (const s of summaries) {
    if (s.kind === 'config') continue;
    if (!out.some((d) => sameDevice(d, s))) out.push(s);
  }
  // Keep the caller's order (the group's public-address order).
  return summaries.filter((s) => out.includes(s));
}

/** Joins names as "a", "a and b", "a, b and c". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Reports on one member, with the code's default severity (settings may change it in the adapters). */
export function report(
  ctx: GroupContext,
  member: DeviceSummary,
  code: DiagnosticCode,
  range: Range,
  message: string,
  options: { related?: RelatedLocation[]; fixes?: Fix[] } = {},
): void {
  ctx.report(member.uri, { code, severity: codeInfo(code).severity, message, range, related: options.related ?? [], fixes: options.fixes ?? [] });
}

export function relatedAt(member: DeviceSummary, range: Range, message: string): RelatedLocation {
  return { uri: member.uri, range, message };
}

/** An edit that adds `command` as a new last line of the member's load-balancing block. */
export function appendToBlock(member: DeviceSummary, command: string): TextEdit {
  // Inserting at the end of the last line, after an end-of-line, works whether or not that line has one.
  const at: Position = member.lbEnd;
  return { range: { start: at, end: at }, newText: `${member.eol}${member.lbPrefix}${command}` };
}

/** An edit that removes the whole line `line` of the member's document. */
export function deleteWholeLine(member: DeviceSummary, line: number, lineRange: Range): TextEdit {
  if (line < member.lineCount - 1) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  // The document's last line has no end-of-line to take with it: empty it instead.
  return { range: { start: { line, character: 0 }, end: lineRange.end }, newText: '' };
}

/** One member's value of a setting. */
export interface Vote<T> {
  member: DeviceSummary;
  value: T;
}

/** The value a group should agree on, and why it was chosen, in words ready for a message. */
export interface Choice<T> {
  value: T;
  /** The members that hold it. */
  holders: DeviceSummary[];
  /** True when more members hold it than any other value (not decided by a tie-break). */
  majority: boolean;
  /** Why it was chosen, e.g. "3 of 4 members use port 9023" or "the predicted director asa1 uses port 9023". */
  reason: string;
  /** On a tie, how the votes split, e.g. "no value has a majority: 2 use port 9023, 2 use port 9024"; else ''. */
  detail: string;
  /** On a tie, the member whose value was taken; null when a majority decided. */
  decidedBy: DeviceSummary | null;
  /** On a tie, whether `decidedBy` is the predicted director. */
  byDirector: boolean;
}

/** The predicted director among the group's distinct devices (highest priority, then lowest public address), or null when none participates. */
export function predictedDirector(ctx: GroupContext): DeviceSummary | null {
  return electAmong(distinctDevices(ctx.members));
}

/** The member that an election among `members` alone would choose (highest priority, then lowest public address), or null when none participates. */
export function electAmong(members: readonly DeviceSummary[]): DeviceSummary | null {
  const result = electDirector(members.map((m) => ({ member: m, publicIp: m.lbpublic?.address ?? null, priority: m.priority, participates: m.participates })));
  return result?.winner.member ?? null;
}

/**
 * Chooses the value most voters hold. On a tie between the most common values, the predicted director's value when
 * it holds one of them; otherwise the value of the member that would be elected first among those holding them.
 * `phrase(value, singular)` words the value after a subject: "use port 9023" / "uses port 9023".
 * Returns null when the voters already agree.
 */
export function chooseValue<T>(
  ctx: GroupContext,
  votes: readonly Vote<T>[],
  keyOf: (value: T) => string,
  phrase: (value: T, singular: boolean) => string,
): Choice<T> | null {
  const byKey = new Map<string, Vote<T>[]>();
  for (const vote of votes) {
    const key = keyOf(vote.value);
    byKey.set(key, [...(byKey.get(key) ?? []), vote]);
  }
  if (byKey.size < 2) return null;
  const top = Math.max(...[...byKey.values()].map((v) => v.length));
  const tied = [...byKey.values()].filter((v) => v.length === top);
  if (tied.length === 1) {
    const winners = tied[0]!;
    const value = winners[0]!.value;
    return { value, holders: winners.map((v) => v.member), majority: true, reason: `${winners.length} of ${votes.length} members ${phrase(value, false)}`, detail: '', decidedBy: null, byDirector: false };
  }
  const split = tied.map((v) => `${v.length} ${phrase(v[0]!.value, v.length === 1)}`).join(', ');
  const director = predictedDirector(ctx);
  const candidates = tied.flat().sort((a, b) => votes.indexOf(a) - votes.indexOf(b));
  let chosen = director ? candidates.find((v) => v.member === director) : undefined;
  let who: string;
  if (chosen) {
    who = `the predicted director ${memberName(chosen.member, ctx.members)}`;
  } else {
    // The director holds none of the tied values (or nobody participates): the same rule, among their holders.
    const first = electAmong(candidates.map((v) => v.member));
    chosen = candidates.find((v) => v.member === first) ?? candidates[0]!;
    who = first
      ? `${memberName(chosen.member, ctx.members)}, which would be elected first among the members holding the tied values,`
      : `${memberName(chosen.member, ctx.members)}, the first member (by public address) holding one of the tied values,`;
  }
  const holders = byKey.get(keyOf(chosen.value))!.map((v) => v.member);
  return {
    value: chosen.value,
    holders,
    majority: false,
    reason: `${who} ${phrase(chosen.value, true)}`,
    detail: `no value has a majority: ${split}`,
    decidedBy: chosen.member,
    byDirector: chosen.member === director,
  };
}
