// The `asa-lb simulate --format json` document, cut from a SimulationResult.
import type { SimulationResult } from './decision';
import type { RedirectRule } from './redirect';
import { ASSUMPTIONS, decisionAssumptions, publicIps, runAssumptions, type AssumptionId } from './assumptions';

export interface DecisionJson {
  index: number;
  target: string | null;
  rule: RedirectRule;
  loads: Record<string, number>;
  reconnect?: true;
  director?: string | null;
  /** Optional (an extension of the contract): the product's assumptions this decision relied on. */
  assumptions?: AssumptionId[];
}

export interface SimulateJson {
  director: string | null;
  decisions: DecisionJson[];
  /** Each member's active sessions and load for the scenario's type after the run, in address order. */
  final: Record<string, { active: number; load: number }>;
  /** Optional (an extension of the contract): each assumption the run relied on, with one line saying what it is. */
  assumptions?: { id: AssumptionId; text: string }[];
}

/**
 * Keeps the contract's fields, in the contract's order; the explanation details stay behind because outside tools
 * compare this document as it is specified. The only additions are optional: the assumptions a decision relied on,
 * present only where there are some, so that no reader takes the product's reading for the chapter's.
 */
export function toSimulateJson(result: SimulationResult): SimulateJson {
  const ips = publicIps(result);
  const decisions = result.decisions.map((d) => {
    const json: DecisionJson = { index: d.index, target: d.target, rule: d.rule, loads: d.loads };
    if (d.reconnect) json.reconnect = true;
    if (d.director !== undefined) json.director = d.director;
    const assumptions = decisionAssumptions(d, ips);
    if (assumptions.length > 0) json.assumptions = assumptions;
    return json;
  });
  const final: SimulateJson['final'] = {};
  for (const member of result.final) final[member.name] = { active: member.active, load: member.load };
  const json: SimulateJson = { director: result.director, decisions, final };
  const used = runAssumptions(result);
  if (used.length > 0) json.assumptions = used.map((id) => ({ id, text: ASSUMPTIONS[id] }));
  return json;
}
