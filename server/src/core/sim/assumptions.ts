// The simulator's readings of what the chapter leaves open (the rounding, limit 0, address order and per-type session counts), and which of them a decision or an election
// relied on: they are shown as assumptions wherever a decision is explained, never as facts. (The keepalive
// timeline's reading is said in its own labels, `keepalive.ts`.)
import { parseAddress } from '../net/address';
import type { Decision, ElectionSummary, SimulationResult } from './decision';

export type AssumptionId =
  'limit-zero-ineligible' | 'fewest-sessions-per-type' | 'ipv4-before-ipv6' | 'election-public-address';

/** One short line each, in the product's words, saying what the chapter does and does not state. */
export const ASSUMPTIONS: Readonly<Record<AssumptionId, string>> = {
  'limit-zero-ineligible':
    'A member whose session limit for this type is 0 takes no session of the type (the chapter does not say).',
  'fewest-sessions-per-type':
    '"Fewest sessions" counts the sessions of this type only (the chapter says "number of sessions").',
  'ipv4-before-ipv6':
    'Between an IPv4 and an IPv6 public address, the IPv4 one counts as lower (the chapter does not say).',
  'election-public-address':
    'Of units with the same priority the one with the lower IP address is elected; the chapter does not say which address, the product compares public addresses.',
};

/** The assumptions one decision relied on, in a stable order. */
export function decisionAssumptions(decision: Decision, publicIpOf: ReadonlyMap<string, string>): AssumptionId[] {
  const out: AssumptionId[] = [];
  if (decision.detail.ineligible.some((m) => m.reason === 'no-limit')) out.push('limit-zero-ineligible');
  if (decision.rule === 'fewest-sessions' || decision.rule === 'lowest-ip') out.push('fewest-sessions-per-type');
  if (decision.rule === 'lowest-ip' && decision.target !== null) {
    const families = new Set(
      [decision.target, ...decision.detail.tiedWith].map((name) => parseAddress(publicIpOf.get(name) ?? '')?.kind()),
    );
    if (families.has('ipv4') && families.has('ipv6')) out.push('ipv4-before-ipv6');
  }
  return out;
}

export function electionAssumptions(election: ElectionSummary | null): AssumptionId[] {
  return election?.rule === 'lowest-ip' ? ['election-public-address'] : [];
}

/** Every assumption a run relied on, in the order of `ASSUMPTIONS`. */
export function runAssumptions(result: SimulationResult): AssumptionId[] {
  const used = new Set<AssumptionId>();
  const ips = publicIps(result);
  for (const decision of result.decisions) for (const id of decisionAssumptions(decision, ips)) used.add(id);
  for (const id of electionAssumptions(result.election)) used.add(id);
  for (const failure of result.failures) for (const id of electionAssumptions(failure.election)) used.add(id);
  return (Object.keys(ASSUMPTIONS) as AssumptionId[]).filter((id) => used.has(id));
}

export function publicIps(result: SimulationResult): Map<string, string> {
  return new Map(result.final.map((m) => [m.name, m.publicIp]));
}
