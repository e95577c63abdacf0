// group-setting-mismatch: every member of a group must use the same cluster port, encryption on/off, cluster key
// (compared only when both keys are readable) and virtual IPv6 address; a member that differs from the value most
// members have (ties: the predicted director's) is reported, with a fix that sets that value. Keys are never shown.
import type { DeviceSummary } from '../../group/summary';
import type { Range, TextEdit } from '../../types';
import type { GroupContext } from './context';
import {
  appendToBlock,
  chooseValue,
  deleteWholeLine,
  distinctDevices,
  listFew,
  memberName,
  relatedAt,
  relatedFew,
  report,
  type Choice,
  type MembersOf,
  type Vote,
} from './members';

const CODE = 'group-setting-mismatch';

/** One group-wide setting: how to read it from a summary, word it, locate it and set it. */
interface Setting<T> {
  /** The member's value, or undefined when its file does not say (a change script that does not set it). */
  value(member: DeviceSummary): T | undefined;
  key(value: T): string;
  /** The value after a subject: "use port 9023" / "uses port 9023". */
  phrase(value: T, singular: boolean): string;
  /** Where the member's value is written, or its block header when it relies on the default. */
  range(member: DeviceSummary): Range;
  /** Said after another member's value in related information when that member relies on the default. */
  defaulted(member: DeviceSummary): string;
  /** What this member has, as the start of a sentence. */
  own(member: DeviceSummary, value: T): string;
  why: string;
  /** Whether members that differ here cannot talk to each other (port, encryption), rather than only disagreeing. */
  splits: boolean;
  /** The action in the message, and the fix that performs it. */
  action(value: T): string;
  fix(member: DeviceSummary, value: T): { title: string; edits: TextEdit[] };
}

/** A config says everything (absence means the default); a change script only what it sets. */
function known<T>(member: DeviceSummary, written: Range | null, value: T): T | undefined {
  return member.kind === 'config' || written !== null ? value : undefined;
}

const port: Setting<number> = {
  value: (m) => known(m, m.portValueRange, m.port),
  key: (v) => String(v),
  phrase: (v, one) => `${one ? 'uses' : 'use'} port ${v}`,
  range: (m) => m.portValueRange ?? m.headerRange,
  defaulted: (m) => (m.portValueRange ? '' : " (the default: no 'cluster port' line)"),
  own: (m, v) =>
    `This member uses cluster port ${v}${m.portValueRange ? '' : " (the default: there is no 'cluster port' line)"}`,
  why: 'Members exchange load-balancing messages on this UDP port, so members on different ports never hear each other and the group splits.',
  splits: true,
  action: (v) => `Set 'cluster port ${v}' here.`,
  fix: (m, v) =>
    m.portValueRange
      ? { title: `Set 'cluster port ${v}'`, edits: [{ range: m.portValueRange, newText: String(v) }] }
      : { title: `Insert 'cluster port ${v}'`, edits: [appendToBlock(m, `cluster port ${v}`)] },
};

const encryption: Setting<boolean> = {
  value: (m) => known(m, m.encryptionRange, m.encryption),
  key: (v) => String(v),
  phrase: (v, one) =>
    v ? `${one ? 'encrypts' : 'encrypt'} member traffic` : `${one ? 'has' : 'have'} cluster encryption off`,
  range: (m) => m.encryptionRange ?? m.headerRange,
  defaulted: () => '',
  own: (_m, v) =>
    v
      ? "This member encrypts member traffic ('cluster encryption')"
      : "Cluster encryption is off on this member (no 'cluster encryption' line)",
  why: 'Members with and without encryption cannot read each other’s load-balancing messages, so the group splits.',
  splits: true,
  action: (v) =>
    v ? "Add 'cluster encryption' (with the group's 'cluster key') here." : "Remove 'cluster encryption' here.",
  fix: (m, v) => {
    if (v) {
      const title = m.key
        ? "Insert 'cluster encryption'"
        : "Insert 'cluster encryption' (this member also needs the group's 'cluster key')";
      return { title, edits: [appendToBlock(m, 'cluster encryption')] };
    }
    const range = m.encryptionRange!;
    // A change script does not restate the device's configuration: it has to turn encryption off explicitly.
    if (m.kind === 'transcript')
      return { title: "Change to 'no cluster encryption'", edits: [{ range, newText: 'no cluster encryption' }] };
    return { title: "Delete 'cluster encryption'", edits: [deleteWholeLine(m, range.start.line, range)] };
  },
};

const virtualIpv6: Setting<string | null> = {
  // Every member has a `cluster ip address` line (it is what puts it in the group), and that line sets both addresses.
  value: (m) => m.clusterIpv6,
  // Summaries hold addresses in canonical form, so equal values have equal texts however they were written.
  key: (v) => v ?? '',
  phrase: (v, one) =>
    v ? `${one ? 'uses' : 'use'} the virtual IPv6 address ${v}` : `${one ? 'has' : 'have'} no virtual IPv6 address`,
  range: (m) => m.clusterIpLineRange ?? m.headerRange,
  defaulted: () => '',
  own: (_m, v) => (v ? `This member's virtual IPv6 address is ${v}` : 'This member has no virtual IPv6 address'),
  why: 'The virtual addresses identify the group, so every member must have the same ones; otherwise whether IPv6 clients can reach the group depends on which member is director.',
  splits: false,
  action: (v) => (v ? `Use 'cluster ip address … ${v}' here.` : 'Remove the IPv6 address from this cluster ip line.'),
  fix: (m, v) => ({
    title: v ? `Set the virtual IPv6 address to ${v}` : 'Remove the virtual IPv6 address',
    edits: [{ range: m.clusterIpLineRange!, newText: `cluster ip address ${m.clusterIp}${v ? ` ${v}` : ''}` }],
  }),
};

const SETTINGS = [port, encryption, virtualIpv6] as Setting<unknown>[];

export function checkGroupSettingMismatch(ctx: GroupContext): void {
  const members = distinctDevices(ctx.members);
  for (const setting of SETTINGS) reportSetting(ctx, setting, compareSetting(ctx, members, setting));
  reportKeys(ctx, compareKeys(ctx, members));
}

/**
 * The members that split off the group, each with why, in the words of this check's messages ("uses port 4444, but
 * 2 of 3 members use port 9023"): those whose cluster port, encryption or (readable) key differs from the value the
 * group agrees on, which is the value the quick fixes set. They cannot talk to the members that hold it, so the
 * product's reading is that the group (its election and its redirects) is the members that hold it.
 */
export function groupSplit(ctx: MembersOf): Map<string, string[]> {
  const members = distinctDevices(ctx.members);
  const split = new Map<string, string[]>();
  const add = (member: DeviceSummary, reason: string): void => {
    split.set(member.uri, [...(split.get(member.uri) ?? []), reason]);
  };
  for (const setting of SETTINGS) {
    if (!setting.splits) continue;
    const { choice, votes } = compareSetting(ctx, members, setting);
    if (!choice) continue;
    for (const vote of votes)
      if (setting.key(vote.value) !== setting.key(choice.value))
        add(vote.member, `${setting.phrase(vote.value, true)}, but ${choice.reason}`);
  }
  const keys = compareKeys(ctx, members);
  if (keys.choice)
    for (const vote of keys.votes)
      if (vote.value !== keys.choice.value) add(vote.member, `has a cluster key that differs from ${keys.whose}`);
  return split;
}

interface Comparison<T> {
  votes: Vote<T>[];
  /** The value the group should agree on, or null when the members already agree. */
  choice: Choice<T> | null;
}

function compareSetting<T>(ctx: MembersOf, members: DeviceSummary[], setting: Setting<T>): Comparison<T> {
  const votes: Vote<T>[] = [];
  for (const member of members) {
    const value = setting.value(member);
    if (value !== undefined) votes.push({ member, value });
  }
  return { votes, choice: chooseValue(ctx, votes, setting.key, setting.phrase) };
}

function reportSetting<T>(ctx: GroupContext, setting: Setting<T>, { votes, choice }: Comparison<T>): void {
  if (!choice) return;
  const chosenKey = setting.key(choice.value);
  for (const vote of votes) {
    if (setting.key(vote.value) === chosenKey) continue;
    const fix = setting.fix(vote.member, choice.value);
    const detail = choice.detail ? ` (${choice.detail})` : '';
    report(
      ctx,
      vote.member,
      CODE,
      setting.range(vote.member),
      `${setting.own(vote.member, vote.value)}, but ${choice.reason}${detail}. ${setting.why} ${setting.action(choice.value)}`,
      {
        related: relatedFew(
          votes,
          vote,
          (other) =>
            relatedAt(
              other.member,
              setting.range(other.member),
              `${memberName(other.member, ctx.members)} ${setting.phrase(other.value, true)}${setting.defaulted(other.member)}.`,
            ),
          (other, count) =>
            relatedAt(
              other.member,
              setting.range(other.member),
              `${memberName(other.member, ctx.members)} and ${(count - 1).toLocaleString('en')} more members (not listed).`,
            ),
        ),
        fixes: [{ title: `${fix.title} (${choice.reason})`, edits: fix.edits, preferred: choice.majority }],
      },
    );
  }
}

/**
 * Keys are compared only between members that encrypt (the key has no effect otherwise) and whose keys are in
 * clear text: masked keys hide the secret and encrypted ones differ per device (cluster-key-unverifiable covers both).
 * The key text never appears in a message; no fix is offered, because the product never copies a key.
 */
function compareKeys(ctx: MembersOf, members: DeviceSummary[]): Comparison<string> & { whose: string } {
  const votes: Vote<string>[] = members
    .filter((m) => m.encryption && m.key?.form === 'clear')
    .map((m) => ({ member: m, value: m.key!.secret }));
  const choice = chooseValue(
    ctx,
    votes,
    (v) => v,
    (_v, one) => `${one ? 'uses' : 'use'} one key`,
  );
  if (!choice) return { votes, choice, whose: '' };
  const holders = listFew(choice.holders, (h) => memberName(h, ctx.members));
  const whose = choice.majority
    ? `the key that ${choice.holders.length} of ${votes.length} members with a clear-text key share (${holders})`
    : `${choice.byDirector ? 'the predicted director' : 'the key of'} ${memberName(choice.decidedBy!, ctx.members)}${choice.byDirector ? "'s key" : ''} (no key has a majority among the ${votes.length} members with a clear-text key)`;
  return { votes, choice, whose };
}

function reportKeys(ctx: GroupContext, { votes, choice, whose }: Comparison<string> & { whose: string }): void {
  if (!choice) return;
  for (const vote of votes) {
    if (vote.value === choice.value) continue;
    report(
      ctx,
      vote.member,
      CODE,
      vote.member.key!.range,
      `The cluster key here differs from ${whose}. Members encrypt their messages with this shared secret, so members with different keys cannot read each other and the group splits. Set the group's key here; there is no automatic fix, because the key is a secret the product never copies.`,
      {
        related: relatedFew(
          votes,
          vote,
          (other) =>
            relatedAt(
              other.member,
              other.member.key!.range,
              `${memberName(other.member, ctx.members)} ${other.value === vote.value ? 'uses the same key as this member' : 'uses a different key from this member'}.`,
            ),
          (other, count) =>
            relatedAt(
              other.member,
              other.member.key!.range,
              `${memberName(other.member, ctx.members)} and ${(count - 1).toLocaleString('en')} more members with a clear-text key (not listed).`,
            ),
        ),
      },
    );
  }
}
