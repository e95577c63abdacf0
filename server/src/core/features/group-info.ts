// The group a document belongs to, as the preview, the status bar and the code lens show it (protocol `asaLb/groupInfo`).
// Grouping and the election come from the workspace; this module only names members and explains the result in words.
import { DEFAULT_CLUSTER_PORT } from '../commands/lb-commands';
import type { DeviceAnalysis } from '../analyze';
import type { GroupMember, GroupSummary, Workspace } from '../workspace';
import { analysisOf, fileName, joinWords } from './cursor';
import { baseConfigOf } from './navigation';
import type { CoreCodeLens } from './types';

/** A member of a group, as the preview, status bar and code lens show it (the answer of the `asaLb/groupInfo` request). */
export interface PreviewMember extends GroupMember {
  /** The member's name in scenarios: its hostname, or its file name when it has none (unique within the group). */
  name: string;
  /** Session limits from `vpn-sessiondb` lines, or null when the config does not say. */
  limits: { ipsec: number | null; ssl: number | null };
}

export interface PreviewGroup {
  clusterIp: string;
  clusterIpv6: string | null;
  port: number;
  encryption: boolean;
  /** Members in ascending public-address order. */
  members: PreviewMember[];
  /** The `name` of the predicted director among the members that do not split off, or null when none participates. */
  predictedDirector: string | null;
  /** What decided the prediction, in plain words. */
  electionReason: string | null;
}

/** A document's place in its group; `split off` when it cannot talk to the director (see `PreviewMember.split`). */
export type MemberRole = 'predicted director' | 'member' | 'not participating' | 'split off';

/** The answer for a document: its group, or why it is in none. */
export type GroupInfoResult =
  | { inGroup: true; group: PreviewGroup; /** This document's member name. */ self: string; role: MemberRole }
  | { inGroup: false; reason: string };

/**
 * A name for every member, unique within the group: the hostname, else the file name. A name that two members share
 * gets the file name added (`asa1 (asa1-old.cfg)`), and a counter when even that repeats.
 */
export function memberNames(group: GroupSummary): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const base = group.members.map((m) => m.hostname ?? fileName(m.uri));
  const counts = new Map<string, number>();
  for (const b of base) counts.set(b, (counts.get(b) ?? 0) + 1);
  group.members.forEach((member, i) => {
    let name = base[i]!;
    if (counts.get(name)! > 1 && taken.has(name)) name = `${name} (${fileName(member.uri)})`;
    for (let n = 2; taken.has(name); n++) name = `${base[i]} #${n}`;
    taken.add(name);
    names.set(member.uri, name);
  });
  return names;
}

/** "; 5 is assumed, as no priority is configured" for a winner that relies on the default, else ''. */
function assumedWords(member: GroupMember): string {
  return member.priorityConfigured ? '' : `; ${member.priority} is assumed, as no priority is configured`;
}

/**
 * Why the predicted director wins, in plain words without parentheses, since callers put it in some
 * ("Predicted director: asa1 (priority 9, the highest)"); null when no member participates.
 */
export function electionReason(group: GroupSummary, names: Map<string, string> = memberNames(group)): string | null {
  const winner = group.members.find((m) => m.uri === group.predictedDirector);
  if (!winner) return null;
  const standing = group.members.filter((m) => m.participates && m.split.length === 0);
  if (group.electionRule === 'lowest-ip') {
    const tied = standing.filter((m) => m.priority === winner.priority).map((m) => names.get(m.uri)!);
    const address = winner.publicIp ? `, ${winner.publicIp},` : '';
    // No parentheses: callers put the reason in theirs.
    return `priority ${winner.priority} is shared by ${joinWords(tied)}; the lowest public address${address} wins, the product's reading of the chapter's "the lower IP address"`;
  }
  if (standing.length === 1) {
    const apart = group.members.some((m) => m.participates && m.split.length > 0);
    return `the only participating member${apart ? ' that is not split off' : ''}, priority ${winner.priority}${assumedWords(winner)}`;
  }
  return `priority ${winner.priority}, the highest${assumedWords(winner)}`;
}

function memberOf(ws: Workspace, member: GroupMember, name: string): PreviewMember {
  const analysis = ws.analysis(member.uri);
  let limits = analysis?.device.sessionLimits;
  // A change script that does not touch the limits leaves the ones its device's config sets.
  if (analysis && !limits?.ipsec && !limits?.ssl)
    limits = baseConfigOf(ws, member.uri, analysis)?.analysis.device.sessionLimits ?? limits;
  return {
    name,
    uri: member.uri,
    hostname: member.hostname,
    publicIp: member.publicIp,
    priority: member.priority,
    priorityConfigured: member.priorityConfigured,
    participates: member.participates,
    split: member.split,
    limits: { ipsec: limits?.ipsec?.value ?? null, ssl: limits?.ssl?.value ?? null },
  };
}

/** A workspace group in the preview's shape. Group-wide settings are the predicted director's (else the first member's). */
export function previewGroup(ws: Workspace, group: GroupSummary): PreviewGroup {
  const names = memberNames(group);
  const source = group.predictedDirector ?? group.members[0]?.uri;
  const summary = source ? ws.summary(source) : null;
  return {
    clusterIp: group.clusterIp,
    clusterIpv6: summary?.clusterIpv6 ?? null,
    port: summary?.port ?? DEFAULT_CLUSTER_PORT,
    encryption: summary?.encryption ?? false,
    members: group.members.map((m) => memberOf(ws, m, names.get(m.uri)!)),
    predictedDirector: group.predictedDirector ? (names.get(group.predictedDirector) ?? null) : null,
    electionReason: electionReason(group, names),
  };
}

// Only the first lines are looked at, so the answer for a huge file stays cheap.
const ASA_MARKERS = /^(?:ASA Version |PIX Version |: Saved|: Written by)/;
const LOOK_AT_LINES = 500;

/** Whether the text looks like a device config at all (a header, a prompt, or a command the product models). */
export function looksLikeAsaConfig(analysis: DeviceAnalysis): boolean {
  const { tree, device } = analysis;
  if (tree.kind === 'transcript' || device.hostname || device.interfaces.length > 0 || device.lb) return true;
  const limit = Math.min(tree.lineCount, LOOK_AT_LINES);
  for (let i = 0; i < limit; i++) {
    const line = tree.line(i);
    if (line.parse?.command || ASA_MARKERS.test(line.text)) return true;
  }
  return false;
}

/** Why a document with this analysis is in no group. */
export function noGroupReason(analysis: DeviceAnalysis): string {
  if (!looksLikeAsaConfig(analysis)) return 'not an ASA config';
  const lb = analysis.device.lb;
  if (!lb) {
    const typo = analysis.diagnostics.find((d) => d.code === 'lb-header-typo');
    return typo
      ? `its 'vpn load-balancing' line is misspelled (line ${typo.range.start.line + 1})`
      : "no 'vpn load-balancing' block";
  }
  if (!lb.clusterIp) {
    const written = lb.occurrences.some((o) => o.command.id === 'cluster-ip-address' && !o.command.negated);
    return written
      ? "the block's 'cluster ip address' has no valid IPv4 address"
      : "the block has no 'cluster ip address'";
  }
  return 'no group was found for its virtual address';
}

/** The answer to `asaLb/groupInfo`: the document's group, its member name and role, or why it is in none. */
export function groupInfo(ws: Workspace, uri: string): GroupInfoResult {
  const analysis = analysisOf(ws, uri);
  if (!analysis) return { inGroup: false, reason: 'the document is not in the workspace' };
  const group = ws.groupOf(uri);
  if (!group) return { inGroup: false, reason: noGroupReason(analysis) };
  const preview = previewGroup(ws, group);
  const self = preview.members.find((m) => m.uri === uri)!;
  const role =
    group.predictedDirector === uri
      ? 'predicted director'
      : self.split.length > 0
        ? 'split off'
        : self.participates
          ? 'member'
          : 'not participating';
  return { inGroup: true, group: preview, self: self.name, role };
}

/** The title of the code lens on a `vpn load-balancing` line. */
export function groupLensTitle(info: GroupInfoResult): string {
  if (!info.inGroup) return `Not in a group: ${info.reason}`;
  const { group } = info;
  const apart = group.members.filter((m) => m.split.length > 0).length;
  const count = `${group.members.length} member${group.members.length === 1 ? '' : 's'}${apart > 0 ? ` (${apart} split off)` : ''}`;
  const director = group.predictedDirector
    ? `director: ${group.predictedDirector} (predicted)`
    : 'director: none (no member participates)';
  const self = group.members.find((m) => m.name === info.self);
  const role = info.role === 'split off' && self ? `split off: it ${self.split.join('; it ')}` : info.role;
  return `Group ${group.clusterIp} · ${count} · ${director} · this device: ${role}`;
}

/** One lens on the `vpn load-balancing` line of a document that has the block. */
export function codeLens(ws: Workspace, uri: string): CoreCodeLens[] {
  const analysis = analysisOf(ws, uri);
  const lb = analysis?.device.lb;
  if (!analysis || !lb) return [];
  return [{ range: lb.headerRange, title: groupLensTitle(groupInfo(ws, uri)) }];
}
