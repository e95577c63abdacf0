// The redirect simulation's public surface: election, load, one decision, a whole scenario, and the keepalive timeline.
export {
  DEFAULT_PRIORITY,
  electDirector,
  runningDirector,
  type ElectionCandidate,
  type ElectionResult,
  type ElectionRule,
  type RunningDirector,
} from './election';
export { FULL_LOAD, isFull, loadPercent } from './load';
export { chooseTarget, failMember, newChoice, placeSession, type RedirectChoice, type RedirectRule } from './redirect';
export { createRedirectState, memberIndex, snapshotLoads, type RedirectState } from './state';
export {
  SESSION_TYPES,
  SESSION_TYPE_LABEL,
  type FailEvent,
  type Scenario,
  type ScenarioMember,
  type SessionCounts,
  type SessionType,
} from './scenario';
export { scenarioError, ScenarioTooLarge, type ScenarioError } from './scenario-error';
export {
  MAX_CONNECTIONS,
  MAX_DECISION_LOADS,
  MAX_MEMBERS,
  MAX_SESSION_COUNT,
  parseScenario,
  validateScenario,
  type ScenarioValidation,
} from './validate-scenario';
export { simulate } from './simulate';
export type {
  Decision,
  DecisionDetail,
  ElectionSummary,
  FailureRecord,
  FinalMember,
  IneligibleReason,
  SimulationResult,
} from './decision';
export { explainDecision, explainElection } from './explain';
export { toSimulateJson, type DecisionJson, type SimulateJson } from './contract-json';
export {
  ASSUMPTIONS,
  decisionAssumptions,
  electionAssumptions,
  publicIps,
  runAssumptions,
  type AssumptionId,
} from './assumptions';
export {
  DIRECTOR_GONE_AFTER_SECONDS,
  KEEPALIVE_INTERVAL_SECONDS,
  KEEPALIVE_RETRY_COUNT,
  KEEPALIVE_RETRY_INTERVAL_SECONDS,
  keepaliveTimeline,
  type KeepaliveEvent,
  type KeepaliveEventKind,
} from './keepalive';
