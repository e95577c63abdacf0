// `asaLb/simulate`: runs the core's redirect simulation for the preview and explains every decision and election.
// An invalid scenario is an answer (`ok: false` with the field at fault), not an error response.
import {
  ASSUMPTIONS,
  decisionAssumptions,
  electionAssumptions,
  explainDecision,
  explainElection,
  keepaliveTimeline,
  publicIps,
  ScenarioTooLarge,
  simulate,
  toSimulateJson,
  validateScenario,
  type AssumptionId,
  type ElectionSummary,
} from '../core/sim/index';
import type { SimulatedDecision, SimulateParams, SimulateResult } from '../protocol';

export function simulateRequest(params: SimulateParams | null | undefined): SimulateResult {
  const validation = validateScenario(params?.scenario);
  if (!validation.ok) return { ok: false, error: validation.error.text };
  let result: ReturnType<typeof simulate>;
  try {
    result = simulate(validation.scenario);
  } catch (error) {
    if (error instanceof ScenarioTooLarge) return { ok: false, error: error.error.text };
    throw error;
  }
  const json = toSimulateJson(result);
  const ips = publicIps(result);
  // The preview shows the explanation as it is, so an assumption a decision relied on is said in it, briefly.
  const assumed = (ids: AssumptionId[]): string => ids.map((id) => ` Assumption: ${ASSUMPTIONS[id]}`).join('');
  const election = (e: ElectionSummary): string => `${explainElection(e)}.${assumed(electionAssumptions(e))}`;
  // A decision's explanation has no final full stop (the preview adds one), even with an assumption after it.
  const decisions: SimulatedDecision[] = result.decisions.map((d, i) => ({
    ...json.decisions[i]!,
    explanation: `${explainDecision(d, result.type)}${assumed(decisionAssumptions(d, ips)).replace(/^ /, '. ').replace(/\.$/, '')}`,
  }));
  const elections: string[] = [];
  if (result.election) elections.push(`At the start: ${election(result.election)}`);
  for (const failure of result.failures) {
    if (!failure.wasDirector) continue;
    // Counted as the preview counts them ("fails after 50 new sessions"), not by the 0-based session number.
    const when = `When director ${failure.member} fails after ${failure.beforeSession} new ${failure.beforeSession === 1 ? 'session' : 'sessions'}`;
    elections.push(
      failure.election
        ? `${when}, ${failure.election.winner} is elected: ${election(failure.election)}`
        : `${when}, no unit is left to take over.`,
    );
  }
  return { ok: true, result: json, decisions, elections, keepalive: keepaliveTimeline() };
}
