// What a cross-device check is given: the group, its members' summaries, every summary of the workspace, and where to report.
import type { DeviceSummary } from '../../group/summary';
import type { GroupSummary } from '../../group/types';
import type { Diagnostic } from '../../types';

export interface GroupContext {
  group: GroupSummary;
  /** The members' summaries, in the group's member order. */
  members: DeviceSummary[];
  /** Every device of the workspace that has a load-balancing block (for checks that look across groups). */
  all: DeviceSummary[];
  report(uri: string, diagnostic: Diagnostic): void;
}

export type GroupCheck = (ctx: GroupContext) => void;
