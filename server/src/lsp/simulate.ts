// `asaLb/simulate`: runs the core's redirect simulation for the preview and explains every decision and election.
// An invalid scenario is an answer (`ok: false` with the field at fault), not an error response.
import { explainDecision, explainElection, keepaliveTimeline, simulate, toSimulateJson, validateScenario } from '../core/sim/index';
import type { SimulatedDecision, SimulateParams, SimulateResult } from '../protocol';

export function simulateRequest(params: SimulateParams | null | undefined): SimulateResult {
  const validation = validateScenario(params?.scenario);
  if (!validation.ok) return { ok: false, error: validation.error.text };
  const result = simulate(validation.scenario);
  const json = toSimulateJson(result);
  const decisions: SimulatedDecision[] = result.decisions.map((d, i) => ({ ...json.decisions[i]!, explanation: explainDecision(d, result.type) }));
  const elections: string[] = [];
  if (result.election) elections.push(`At the start: ${explainElection(result.election)}.`);
  for (const failure of result.failures) {
    if (!failure.wasDirector) continue;
    elections.push(
      failure.election
        ? `After director ${failure.member} fails before session ${failure.beforeSession}: ${explainElection(failure.election)}.`
        : `After director ${failure.member} fails before session ${failure.beforeSession}, no unit is left to take over.`,
    );
  }
  return { ok: true, result: json, decisions, elections, keepalive: keepaliveTimeline() };
}
