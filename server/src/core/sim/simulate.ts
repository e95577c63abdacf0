// Runs a validated scenario: a stream of new sessions placed one at a time, with member failures and their reconnects.
import { DEFAULT_PRIORITY, electDirector, type ElectionResult } from './election';
import { FULL_LOAD } from './load';
import { chooseTarget, failMember, newChoice, placeSession, type RedirectChoice } from './redirect';
import type {
  Decision,
  DecisionDetail,
  ElectionSummary,
  FailureRecord,
  FinalMember,
  IneligibleReason,
  SimulationResult,
} from './decision';
import type { Scenario } from './scenario';
import { createRedirectState, memberIndex, snapshotLoads, type RedirectState } from './state';
import { scenarioError, ScenarioTooLarge } from './scenario-error';
import { MAX_DECISION_LOADS } from './validate-scenario';

/**
 * Places `scenario.connections` new sessions of `scenario.type`, applying each fail event just before its session.
 *
 * A failed member's active sessions end and reconnect one by one through the virtual address, each a decision
 * of its own with `reconnect: true`, before the next new session. Its inactive sessions end without reconnecting:
 * they were idle, and a client that resumes later is simply a new session.
 * When the failed member was the director, the remaining up units elect a new one first (`election.ts`, no pre-emption:
 * nothing else ever changes the director), and the next decision carries `director`.
 */
export function simulate(scenario: Scenario): SimulationResult {
  let election: ElectionSummary | null = null;
  // A director that is not an up member (possible only in a hand-built, unvalidated scenario) is treated as none.
  let director = scenario.members.some((m) => m.name === scenario.director && m.up) ? scenario.director : null;
  let directorSource: SimulationResult['directorSource'] = 'given';
  if (director === null) {
    const result = electDirector(scenario.members);
    election = result && summarise(result);
    director = result ? result.winner.name : null;
    directorSource = result ? 'elected' : 'none';
  }

  const state = createRedirectState(scenario.members, scenario.type, director);
  const run: Run = { state, choice: newChoice(), decisions: [], failures: [], pendingDirector: undefined, refused: 0 };
  // The validator already orders events; sorting a copy (stably) keeps hand-built scenarios from the preview safe too.
  const events = [...scenario.events].sort((a, b) => a.before - b.before);
  let nextEvent = 0;
  for (let session = 0; session <= scenario.connections; session++) {
    while (nextEvent < events.length && events[nextEvent]!.before <= session) {
      failAndReconnect(run, events[nextEvent]!.fail, session);
      nextEvent++;
    }
    if (session < scenario.connections) decide(run, session, null);
  }

  const final: FinalMember[] = state.names.map((name, i) => ({
    name,
    publicIp: state.publicIps[i]!,
    up: state.up[i] === 1,
    director: i === state.director,
    active: state.active[i]!,
    inactive: state.inactive[i]!,
    limit: state.limit[i]!,
    load: state.load[i]!,
  }));
  return {
    type: scenario.type,
    director,
    directorSource,
    election,
    decisions: run.decisions,
    failures: run.failures,
    final,
    finalDirector: state.director >= 0 ? state.names[state.director]! : null,
    placed: run.decisions.length - run.refused,
    refused: run.refused,
  };
}

interface Run {
  state: RedirectState;
  choice: RedirectChoice;
  decisions: Decision[];
  failures: FailureRecord[];
  /** The director to announce on the next decision, once it has changed; undefined when there is nothing to announce. */
  pendingDirector: string | null | undefined;
  refused: number;
}

function failAndReconnect(run: Run, name: string, session: number): void {
  const { state } = run;
  const index = memberIndex(state, name);
  // Unknown or already-down members are refused by the validator; a hand-built scenario just has its event ignored.
  if (index < 0 || state.up[index] === 0) return;
  const wasDirector = index === state.director;
  const dropped = failMember(state, index);
  let election: ElectionSummary | null = null;
  if (wasDirector) {
    const candidates = state.names.map((member, i) => ({
      name: member,
      publicIp: state.publicIps[i]!,
      priority: state.priorities[i]!,
      up: state.up[i] === 1,
    }));
    const result = electDirector(candidates);
    election = result && summarise(result);
    state.director = result ? result.index : -1;
    run.pendingDirector = result ? result.winner.name : null;
  }
  run.failures.push({
    member: name,
    beforeSession: session,
    atDecision: run.decisions.length,
    wasDirector,
    droppedActive: dropped.active,
    droppedInactive: dropped.inactive,
    election,
  });
  for (let i = 0; i < dropped.active; i++) decide(run, null, name);
}

function decide(run: Run, session: number | null, reconnectFrom: string | null): void {
  const { state, choice } = run;
  // The validator bounds the output from the counts it sees; sessions that reconnect again after a second failure
  // can exceed that estimate, so the run stops at twice the bound rather than grow without end.
  if ((run.decisions.length + 1) * state.size > 2 * MAX_DECISION_LOADS) {
    throw new ScenarioTooLarge(
      scenarioError(
        'events',
        `the failures make more than ${Math.floor((2 * MAX_DECISION_LOADS) / state.size).toLocaleString('en')} decisions (reconnects of reconnected sessions); fail fewer members`,
      ),
    );
  }
  const loads = snapshotLoads(state);
  chooseTarget(state, choice);
  const detail = describe(state, choice, session, reconnectFrom);
  if (choice.target >= 0) detail.loggedOffInactive = placeSession(state, choice.target);
  else run.refused++;

  const decision: Decision = {
    index: run.decisions.length,
    target: choice.target >= 0 ? state.names[choice.target]! : null,
    rule: choice.rule,
    loads,
    detail,
  };
  if (reconnectFrom !== null) decision.reconnect = true;
  if (run.pendingDirector !== undefined) {
    decision.director = run.pendingDirector;
    run.pendingDirector = undefined;
  }
  run.decisions.push(decision);
}

/** Shared by every decision that has nobody to list, so that the common case allocates no array. */
const NOBODY: readonly never[] = Object.freeze([]);

/**
 * The explanation data for a choice, read from the table before the session is placed.
 * One pass collects the ineligible members, the lowest-loaded other member and the target's rivals at the deciding step.
 */
function describe(
  state: RedirectState,
  choice: RedirectChoice,
  session: number | null,
  reconnectFrom: string | null,
): DecisionDetail {
  const { target, rule } = choice;
  const { director, load, active } = state;
  const listTies = rule === 'fewest-sessions' || rule === 'lowest-ip';
  let ineligible: { name: string; reason: IneligibleReason }[] | null = null;
  let tiedWith: string[] | null = null;
  let lowest = -1;
  for (let i = 0; i < state.size; i++) {
    const reason = ineligibleReason(state, i);
    if (reason) {
      (ineligible ??= []).push({ name: state.names[i]!, reason });
      continue;
    }
    if (i === director) continue;
    if (lowest < 0 || load[i]! < load[lowest]! || (load[i] === load[lowest] && active[i]! < active[lowest]!))
      lowest = i;
    if (
      listTies &&
      i !== target &&
      load[i] === load[target] &&
      (rule === 'fewest-sessions' || active[i] === active[target])
    ) {
      (tiedWith ??= []).push(state.names[i]!);
    }
  }
  return {
    session,
    reconnectFrom,
    decidedBy: director >= 0 ? state.names[director]! : null,
    targetIp: target >= 0 ? state.publicIps[target]! : null,
    targetLoad: target >= 0 ? load[target]! : null,
    targetActive: target >= 0 ? active[target]! : null,
    directorLoad: director >= 0 ? load[director]! : null,
    lowestMember: lowest >= 0 ? { name: state.names[lowest]!, load: load[lowest]!, active: active[lowest]! } : null,
    tiedWith: tiedWith ?? NOBODY,
    ineligible: ineligible ?? NOBODY,
    loggedOffInactive: false,
  };
}

function ineligibleReason(state: RedirectState, i: number): IneligibleReason | null {
  if (state.up[i] === 0) return 'down';
  if (state.limit[i] === 0) return 'no-limit';
  if (state.load[i]! >= FULL_LOAD) return 'full';
  return null;
}

function summarise(result: ElectionResult<{ name: string; priority?: number | null }>): ElectionSummary {
  const { winner, rule, candidates, tiedOnPriority } = result;
  return { winner: winner.name, rule, candidates, tiedOnPriority, priority: winner.priority ?? DEFAULT_PRIORITY };
}
