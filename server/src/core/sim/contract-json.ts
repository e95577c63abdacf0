// The `asa-lb simulate --format json` document, cut from a SimulationResult.
import type { SimulationResult } from './decision';
import type { RedirectRule } from './redirect';

export interface DecisionJson {
  index: number;
  target: string | null;
  rule: RedirectRule;
  loads: Record<string, number>;
  reconnect?: true;
  director?: string | null;
}

export interface SimulateJson {
  director: string | null;
  decisions: DecisionJson[];
  /** Each member's active sessions and load for the scenario's type after the run, in address order. */
  final: Record<string, { active: number; load: number }>;
}

/**
 * Keeps exactly the contract's fields, in the contract's order; the explanation details stay behind
 * because outside tools compare this document as it is specified.
 */
export function toSimulateJson(result: SimulationResult): SimulateJson {
  const decisions = result.decisions.map((d) => {
    const json: DecisionJson = { index: d.index, target: d.target, rule: d.rule, loads: d.loads };
    if (d.reconnect) json.reconnect = true;
    if (d.director !== undefined) json.director = d.director;
    return json;
  });
  const final: SimulateJson['final'] = {};
  for (const member of result.final) final[member.name] = { active: member.active, load: member.load };
  return { director: result.director, decisions, final };
}
