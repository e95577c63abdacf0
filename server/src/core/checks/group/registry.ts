// The cross-device checks (SPEC §4.3), run once per group over the members' summaries.
// Each check reports on every member involved, with related information pointing at the other members' lines.
import type { DeviceSummary } from '../../group/summary';
import type { Diagnostic } from '../../types';
import type { GroupSummary } from '../../workspace';

export interface GroupContext {
  group: GroupSummary;
  /** The members' summaries, in the group's member order. */
  members: DeviceSummary[];
  /** Every device of the workspace that has a load-balancing block (for checks that look across groups). */
  all: DeviceSummary[];
  report(uri: string, diagnostic: Diagnostic): void;
}

export type GroupCheck = (ctx: GroupContext) => void;

export const GROUP_CHECKS: [string, GroupCheck][] = [];
