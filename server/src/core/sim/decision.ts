// The records a simulation run produces: one per placed (or refused) session, one per failure, and the final table.
import type { ElectionRule } from './election';
import type { RedirectRule } from './redirect';
import type { SessionType } from './scenario';

/** Why a member could not take the session. `no-limit`: its limit for this type is 0. */
export type IneligibleReason = 'down' | 'full' | 'no-limit';

/** What a person needs to understand one decision, beyond the contract's fields. */
export interface DecisionDetail {
  /** The new session's 0-based number, or null for a reconnect. */
  session: number | null;
  /** For a reconnect, the failed member the session came from. */
  reconnectFrom: string | null;
  /** The director that made the decision (null when no unit is up). */
  decidedBy: string | null;
  targetIp: string | null;
  /** The target's load and active sessions just before the session was placed. */
  targetLoad: number | null;
  targetActive: number | null;
  directorLoad: number | null;
  /** The eligible non-director member with the lowest (load, sessions, address), whether or not it got the session. */
  lowestMember: { name: string; load: number; active: number } | null;
  /** Other members that tied with the target at the deciding step (same load; for `lowest-ip` also same sessions). */
  tiedWith: readonly string[];
  /** Members that could not take the session, in address order. */
  ineligible: readonly { name: string; reason: IneligibleReason }[];
  /** Step 8: the target logged off its longest-inactive session to make room. */
  loggedOffInactive: boolean;
}

export interface Decision {
  /** Running number over every decision of the run, reconnects included (0-based). */
  index: number;
  target: string | null;
  rule: RedirectRule;
  /**
   * Every member's load for the scenario's type just before this decision, in address order.
   * Down members are listed too, so that the keys never change along a run: a member that failed during the run
   * shows the load of its emptied table (0 %, or 100 % with a limit of 0); one down from the start keeps its given counts.
   */
  loads: Record<string, number>;
  reconnect?: true;
  /** Present on the first decision after the director changed: the new director, or null when no unit is left. */
  director?: string | null;
  detail: DecisionDetail;
}

export interface ElectionSummary {
  winner: string;
  rule: ElectionRule;
  candidates: number;
  tiedOnPriority: number;
  priority: number;
}

export interface FailureRecord {
  member: string;
  /** The failure happened just before new session number `beforeSession`. */
  beforeSession: number;
  /** Index the next decision will have (the first reconnect, if any). */
  atDecision: number;
  wasDirector: boolean;
  /** Active sessions that ended and reconnect; inactive ones simply end. */
  droppedActive: number;
  droppedInactive: number;
  /** Set when the director failed: the election among the remaining up units, or null when none is left. */
  election: ElectionSummary | null;
}

export interface FinalMember {
  name: string;
  publicIp: string;
  up: boolean;
  director: boolean;
  active: number;
  inactive: number;
  limit: number;
  load: number;
}

export interface SimulationResult {
  type: SessionType;
  /** The director at the start of the run. */
  director: string | null;
  /** `given` by the scenario, `elected` (`election.ts`), or `none` when no unit is up. */
  directorSource: 'given' | 'elected' | 'none';
  /** The start-up election, when the scenario named no director. */
  election: ElectionSummary | null;
  decisions: Decision[];
  failures: FailureRecord[];
  /** Every member after the run, in address order. */
  final: FinalMember[];
  /** The director at the end of the run. */
  finalDirector: string | null;
  placed: number;
  refused: number;
}
