// Groups the devices of a workspace by virtual IPv4 address, predicts each group's director and runs the cross-device
// checks, reusing the diagnostics of a group whose members' summaries are the very objects of the last run.
import { GROUP_CHECKS, type GroupContext } from '../checks/group/registry';
import { distinctDevices, sameDevice } from '../checks/group/members';
import { groupSplit } from '../checks/group/group-setting-mismatch';
import { internalError, runChecks } from '../checks/run';
import { compareAddressTexts } from '../net/address';
import { electDirector } from '../sim/election';
import { readableDiagnostic, type Diagnostic } from '../types';
import type { DeviceSummary } from './summary';
import type { GroupSummary } from './types';
import { placeInScript } from '../script/base-marks';

export interface Grouping {
  groups: GroupSummary[];
  /** Each document's cross-device diagnostics. */
  diagnostics: Map<string, Diagnostic[]>;
  /** What the next run may reuse, by virtual address. */
  checked: Map<string, GroupChecked>;
}

/**
 * The groups of the devices summarised in `summaries`, with their diagnostics; `previous` is the last run's `checked`.
 * `scriptBases` names, for each change script judged on a known configuration, that configuration's document.
 */
export function formGroups(
  summaries: DeviceSummary[],
  previous: ReadonlyMap<string, GroupChecked>,
  scriptBases: ReadonlyMap<string, string> = new Map(),
): Grouping {
  const byVip = new Map<string, DeviceSummary[]>();
  const vipOf = new Map(summaries.map((s) => [s.uri, s.clusterIp]));
  for (const summary of summaries) {
    if (!summary.clusterIp) continue;
    // A change script on a configuration of the same group is that device after the change, not one more member: the
    // group lists the configuration once, and the script is judged in its place below.
    const baseUri = scriptBases.get(summary.uri);
    if (baseUri && vipOf.get(baseUri) === summary.clusterIp) continue;
    const members = byVip.get(summary.clusterIp) ?? [];
    members.push(summary);
    byVip.set(summary.clusterIp, members);
  }
  const groups: GroupSummary[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const checked = new Map<string, GroupChecked>();
  const allSummaries = summaries;
  for (const [clusterIp, summaries] of [...byVip].sort((a, b) => compareAddressTexts(a[0], b[0]))) {
    const { group, memberSummaries } = groupOf(clusterIp, summaries);
    groups.push(group);
    // A group whose members' summaries are the very same objects as last time has the same diagnostics; only a
    // group of one device also looks at the other groups (probable-vip-typo), so it is always checked again.
    const cached = previous.get(clusterIp);
    const reuse =
      cached && sameObjects(cached.members, memberSummaries) && distinctDevices(memberSummaries).length !== 1;
    const perUri = reuse ? cached.diagnostics : checkGroup(group, memberSummaries, allSummaries);
    checked.set(clusterIp, { members: memberSummaries, diagnostics: perUri });
    for (const [uri, list] of perUri)
      diagnostics.set(uri, diagnostics.has(uri) ? [...diagnostics.get(uri)!, ...list] : list);
  }
  // A change script on a known configuration is judged as the device will be after it: in its group, it stands in
  // for that configuration (whose own diagnostics come from the run above).
  for (const summary of summaries) {
    const baseUri = scriptBases.get(summary.uri);
    if (summary.kind !== 'transcript' || !baseUri) continue;
    diagnostics.delete(summary.uri);
    if (!summary.clusterIp) continue;
    const others = (byVip.get(summary.clusterIp) ?? []).filter((s) => !sameDevice(s, summary));
    const { group, memberSummaries } = groupOf(summary.clusterIp, [...others, summary]);
    // A group of one is the workspace's situation, which the configuration already reports, not the script's.
    // The other groups are seen without the device's configuration either: the script stands in for it there too.
    const everyoneElse = allSummaries.filter((s) => s === summary || !sameDevice(s, summary));
    const own = (checkGroup(group, memberSummaries, everyoneElse).get(summary.uri) ?? [])
      .filter((d) => d.code !== 'single-member-group')
      .map((d) => placeInScript(d, summary.uri, baseUri))
      .filter((d): d is Diagnostic => d !== null);
    if (own.length > 0) diagnostics.set(summary.uri, own);
  }
  return { groups, diagnostics, checked };
}

/** A group's summary, its members in ascending public-address order, with the predicted director. */
function groupOf(
  clusterIp: string,
  summaries: DeviceSummary[],
): { group: GroupSummary; memberSummaries: DeviceSummary[] } {
  const members = summaries
    .map((s) => ({
      summary: s,
      publicIp: s.lbpublic?.address ?? null,
      priority: s.priority,
      participates: s.participates,
    }))
    .sort(
      (a, b) => compareAddressTexts(a.publicIp ?? '', b.publicIp ?? '') || a.summary.uri.localeCompare(b.summary.uri),
    );
  // Members that cannot talk to the others (another port, encryption or key) stand in no election of this group.
  const split = groupSplit({ members: members.map((m) => m.summary) });
  const election = electDirector(members.filter((m) => !split.has(m.summary.uri)));
  const group: GroupSummary = {
    clusterIp,
    members: members.map((m) => ({
      uri: m.summary.uri,
      hostname: m.summary.hostname?.value ?? null,
      publicIp: m.publicIp,
      priority: m.priority,
      priorityConfigured: m.summary.priorityConfigured,
      participates: m.participates,
      split: split.get(m.summary.uri) ?? [],
    })),
    predictedDirector: election ? election.winner.summary.uri : null,
    electionRule: election ? election.rule : null,
  };
  return { group, memberSummaries: members.map((m) => m.summary) };
}

/** Runs every group check on one group; a failing check becomes an internal-error diagnostic on each member. */
function checkGroup(group: GroupSummary, members: DeviceSummary[], all: DeviceSummary[]): Map<string, Diagnostic[]> {
  const perUri = new Map<string, Diagnostic[]>();
  const ctx: GroupContext = {
    group,
    members,
    all,
    report(uri, diagnostic) {
      const list = perUri.get(uri) ?? [];
      list.push(readableDiagnostic(diagnostic));
      perUri.set(uri, list);
    },
  };
  runChecks(GROUP_CHECKS, ctx, (name, detail) => {
    for (const member of group.members)
      ctx.report(
        member.uri,
        internalError(`The '${name}' group check failed (${detail}). The other checks still ran; please report this.`),
      );
  });
  return perUri;
}

/** A group's members and diagnostics as last checked, so that an unchanged group is not checked again. */
export interface GroupChecked {
  members: DeviceSummary[];
  diagnostics: Map<string, Diagnostic[]>;
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
