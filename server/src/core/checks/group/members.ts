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
  return (
    a.hostname !== null && b.hostname !== null && a.hostname.value.toLowerCase() === b.hostname.value.toLowerCase()
  );
}

/** Each member list's names, computed once per list: checks name members of one group many times. */
const namesByList = new WeakMap<readonly DeviceSummary[], Map<DeviceSummary, string>>();

function namesOf(among: readonly DeviceSummary[]): Map<DeviceSummary, string> {
  let names = namesByList.get(among);
  if (!names) {
    const count = new Map<string, number>();
    for (const m of among)
      if (m.hostname) count.set(m.hostname.value.toLowerCase(), (count.get(m.hostname.value.toLowerCase()) ?? 0) + 1);
    names = new Map();
    for (const m of among) {
      if (!m.hostname) names.set(m, fileName(m.uri));
      else
        names.set(
          m,
          (count.get(m.hostname.value.toLowerCase()) ?? 0) > 1
            ? `${m.hostname.value} (${fileName(m.uri)})`
            : m.hostname.value,
        );
    }
    namesByList.set(among, names);
  }
  return names;
}

/**
 * How a member is named in messages: its hostname, or its file name when it has none.
 * When two members of `among` share a hostname, the file name is added so that the message still says which one.
 */
export function memberName(member: DeviceSummary, among: readonly DeviceSummary[] = []): string {
  const known = namesOf(among).get(member);
  if (known !== undefined) return known;
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

const distinctByList = new WeakMap<readonly DeviceSummary[], DeviceSummary[]>();

/**
 * The distinct devices among `summaries`, in their order. A change script is represented by its device's
 * configuration when that is present (the script is judged on top of it by the single-device checks), so that a
 * device is never compared with itself. Computed once per list, in one pass.
 */
export function distinctDevices(summaries: readonly DeviceSummary[]): DeviceSummary[] {
  const known = distinctByList.get(summaries);
  if (known) return known;
  const kept = new Set<DeviceSummary>();
  const uris = new Set<string>();
  const hostnames = new Set<string>();
  for (const s of summaries) {
    if (s.kind !== 'config') continue;
    kept.add(s);
    uris.add(s.uri);
    if (s.hostname) hostnames.add(s.hostname.value.toLowerCase());
  }
  for (const s of summaries) {
    if (s.kind === 'config') continue;
    const host = s.hostname?.value.toLowerCase();
    if (uris.has(s.uri) || (host !== undefined && hostnames.has(host))) continue;
    kept.add(s);
    uris.add(s.uri);
    if (host !== undefined) hostnames.add(host);
  }
  // Keep the caller's order (the group's public-address order).
  const out = summaries.filter((s) => kept.has(s));
  distinctByList.set(summaries, out);
  return out;
}

/** Names listed in a message at most; beyond, the first ones and "and N more". */
export const MAX_LISTED = 5;
/** Related entries per diagnostic at most; beyond, the first ones and one "and N more" entry. */
export const MAX_RELATED = 5;

/** Joins names as "a", "a and b", "a, b and c"; a long list as "a, b, c, d and 996 more". */
export function listNames(names: readonly string[], total = names.length): string {
  if (total > MAX_LISTED)
    return `${names.slice(0, MAX_LISTED - 1).join(', ')} and ${(total - (MAX_LISTED - 1)).toLocaleString('en')} more`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The names of the first few of `items` (as many as listNames shows), mapped only for those: cost bounded per message. */
export function listFew<T>(items: readonly T[], name: (item: T) => string): string {
  const shown = items.length > MAX_LISTED ? items.slice(0, MAX_LISTED - 1) : items;
  return listNames(shown.map(name), items.length);
}

/** The first `count` items other than `self`, without copying the rest. */
export function firstOthers<T>(items: readonly T[], self: T, count: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length === count) break;
    if (item !== self) out.push(item);
  }
  return out;
}

/**
 * Related entries for the items other than `self`: the first MAX_RELATED, then one entry, at the next item, saying
 * how many more there are. Only the entries shown are built, so a member of a large group costs the same as any.
 */
export function relatedFew<T>(
  items: readonly T[],
  self: T | null,
  make: (item: T) => RelatedLocation,
  more: (item: T, count: number) => RelatedLocation,
  /** How many others there are, when `items` holds only the first few of them. */
  others = items.length - (self !== null ? 1 : 0),
): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const item of items) {
    if (item === self) continue;
    if (out.length === MAX_RELATED && others > MAX_RELATED + 1) {
      out.push(more(item, others - MAX_RELATED));
      break;
    }
    out.push(make(item));
  }
  return out;
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
  ctx.report(member.uri, {
    code,
    severity: codeInfo(code).severity,
    message,
    range,
    related: options.related ?? [],
    fixes: options.fixes ?? [],
  });
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
  if (line < member.lineCount - 1)
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
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

/** What choosing a group's value needs of a group: its members' summaries, in the group's member order. */
export type MembersOf = Pick<GroupContext, 'members'>;

/** The predicted director among the group's distinct devices (highest priority, then lowest public address), or null when none participates. */
export function predictedDirector(ctx: MembersOf): DeviceSummary | null {
  return electAmong(distinctDevices(ctx.members));
}

/** The member that an election among `members` alone would choose (highest priority, then lowest public address), or null when none participates. */
export function electAmong(members: readonly DeviceSummary[]): DeviceSummary | null {
  const result = electDirector(
    members.map((m) => ({
      member: m,
      publicIp: m.lbpublic?.address ?? null,
      priority: m.priority,
      participates: m.participates,
    })),
  );
  return result?.winner.member ?? null;
}

/**
 * Chooses the value most voters hold. On a tie between the most common values, the predicted director's value when
 * it holds one of them; otherwise the value of the member that would be elected first among those holding them.
 * `phrase(value, singular)` words the value after a subject: "use port 9023" / "uses port 9023".
 * Returns null when the voters already agree.
 */
export function chooseValue<T>(
  ctx: MembersOf,
  votes: readonly Vote<T>[],
  keyOf: (value: T) => string,
  phrase: (value: T, singular: boolean) => string,
): Choice<T> | null {
  const byKey = new Map<string, Vote<T>[]>();
  for (const vote of votes) {
    const key = keyOf(vote.value);
    const list = byKey.get(key);
    if (list) list.push(vote);
    else byKey.set(key, [vote]);
  }
  if (byKey.size < 2) return null;
  const top = Math.max(...[...byKey.values()].map((v) => v.length));
  const tied = [...byKey.values()].filter((v) => v.length === top);
  if (tied.length === 1) {
    const winners = tied[0]!;
    const value = winners[0]!.value;
    return {
      value,
      holders: winners.map((v) => v.member),
      majority: true,
      reason: `${winners.length} of ${votes.length} members ${phrase(value, false)}`,
      detail: '',
      decidedBy: null,
      byDirector: false,
    };
  }
  const split = tied.map((v) => `${v.length} ${phrase(v[0]!.value, v.length === 1)}`).join(', ');
  const director = predictedDirector(ctx);
  const order = new Map(votes.map((v, i) => [v, i]));
  const candidates = tied.flat().sort((a, b) => order.get(a)! - order.get(b)!);
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
