// Turns the group and the page's edits into scenarios in the JSON form of `asa-lb simulate`, for the server to run.
// Only data is assembled here; every decision, election and load comes back from the server's core.
import type { PreviewGroup } from '../../../server/src/protocol';
import { FAIL_DIRECTOR, MAX_PLACEMENT, memberEdit, type PageState, type SessionTypeKey } from './page-state';
import type { ScenarioJson, ScenarioMemberJson } from './messages';

export interface ExcludedMember {
  name: string;
  reason: string;
}

export interface ScenarioMembers {
  members: ScenarioMemberJson[];
  /** Members of the group that take no part in load balancing, with why. */
  excluded: ExcludedMember[];
}

/** The members that take part: participating, not split off, with a public address; in the group's (address) order. */
export function scenarioMembers(group: PreviewGroup, state: PageState): ScenarioMembers {
  const members: ScenarioMemberJson[] = [];
  const excluded: ExcludedMember[] = [];
  for (const member of group.members) {
    if (!member.participates) {
      excluded.push({ name: member.name, reason: 'does not participate' });
      continue;
    }
    if (member.split.length > 0) {
      // It cannot talk to the director: it takes no redirects from it and stands in none of its elections.
      excluded.push({ name: member.name, reason: `is split off: it ${member.split.join('; it ')}` });
      continue;
    }
    if (!member.publicIp) {
      excluded.push({ name: member.name, reason: 'has no public (lbpublic) address' });
      continue;
    }
    const edit = memberEdit(state, member.name);
    members.push({
      name: member.name,
      publicIp: member.publicIp,
      priority: member.priority,
      up: edit?.up ?? true,
      ssl: { active: edit?.ssl.active ?? 0, limit: edit?.ssl.limit ?? 0, inactive: edit?.ssl.inactive ?? 0 },
      ipsec: { active: edit?.ipsec.active ?? 0, limit: edit?.ipsec.limit ?? 0 },
    });
  }
  return { members, excluded };
}

export interface DirectorChoice {
  /** The director to put in the scenario, or undefined to let the units that are up elect one. */
  director: string | undefined;
  /** Why the chosen director is not used, when it is not. */
  note: string | null;
}

/** The running director: the user's choice, else the predicted one; an election when that unit is down. */
export function chooseDirector(
  group: PreviewGroup,
  state: PageState,
  members: readonly ScenarioMemberJson[],
): DirectorChoice {
  const chosen = state.director ?? group.predictedDirector;
  if (chosen === null) return { director: undefined, note: null };
  const member = members.find((m) => m.name === chosen);
  if (member?.up) return { director: chosen, note: null };
  if (member) return { director: undefined, note: `${chosen} is down, so the units that are up elect a director.` };
  return { director: undefined, note: `${chosen} takes no part in load balancing, so the units elect a director.` };
}

/** Who gets the next session of one type, from the current sessions. */
export function nextSessionScenario(group: PreviewGroup, state: PageState, type: SessionTypeKey): ScenarioJson | null {
  const { members } = scenarioMembers(group, state);
  if (members.length === 0) return null;
  const { director } = chooseDirector(group, state, members);
  return { type, connections: 1, members, ...(director ? { director } : {}) };
}

/**
 * A stream of new sessions from the current sessions, with the failure the user chose. `director` is the running
 * director the next-session run reported, so "fail the director" names a unit even when it was elected.
 */
export function placementScenario(group: PreviewGroup, state: PageState, director: string | null): ScenarioJson | null {
  const { members } = scenarioMembers(group, state);
  if (members.length === 0) return null;
  const { type, fail } = state.placement;
  const count = Math.min(Math.max(1, state.placement.count), MAX_PLACEMENT);
  const failName = fail === FAIL_DIRECTOR ? director : fail;
  const failing = failName ? members.find((m) => m.name === failName && m.up) : undefined;
  const before = Math.min(Math.max(0, state.placement.failBefore), count);
  return {
    type,
    connections: count,
    members,
    ...(director && members.some((m) => m.name === director && m.up) ? { director } : {}),
    ...(failing ? { events: [{ before, fail: failing.name }] } : {}),
  };
}
