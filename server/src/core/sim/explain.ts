// Sentences that explain a decision or an election to a network engineer; the CLI's text output and the preview share them.
import type { Decision, ElectionSummary, IneligibleReason } from './decision';
import { SESSION_TYPE_LABEL, type SessionType } from './scenario';

/** One sentence on who got the session and which rule of the redirect decision (`redirect.ts`) decided, e.g. "asa1 gets it: lowest load (3 %) among eligible members". */
export function explainDecision(decision: Decision, type: SessionType): string {
  const { detail, target } = decision;
  const label = SESSION_TYPE_LABEL[type];
  if (target === null) {
    const why = detail.ineligible.map((m) => `${m.name} ${reasonText(m.reason, label)}`).join(', ');
    return `refused: no member can take it${why ? ` (${why})` : ''}`;
  }
  const load = detail.targetLoad ?? 0;
  const active = detail.targetActive ?? 0;
  const tied = detail.tiedWith.join(', ');
  let sentence: string;
  switch (decision.rule) {
    case 'director':
      sentence = detail.lowestMember
        ? `${target} (director) keeps it: at ${load} % it is at least 1 % below every other eligible member (lowest: ${detail.lowestMember.name} at ${detail.lowestMember.load} %)`
        : `${target} (director) takes it: no other member can take it`;
      break;
    case 'lowest-load':
      sentence = `${target} gets it: lowest load (${load} %) among eligible members${directorNote(decision, label)}`;
      break;
    case 'fewest-sessions':
      sentence = `${target} gets it: tied at ${load} % with ${tied}, it has the fewest ${label} sessions (${active})${directorNote(decision, label)}`;
      break;
    case 'lowest-ip':
      sentence = `${target} gets it: tied at ${load} % and ${active} sessions with ${tied}, it has the lowest public IP (${detail.targetIp})${directorNote(decision, label)}`;
      break;
    default:
      sentence = `${target} gets it`;
  }
  if (detail.loggedOffInactive) sentence += '; it logs off its longest-inactive session to make room';
  return sentence;
}

/** Why the elected unit won, e.g. "asa2 has the highest priority (7)". */
export function explainElection(election: ElectionSummary): string {
  if (election.candidates === 1) return `${election.winner} is the only unit up`;
  if (election.rule === 'priority') return `${election.winner} has the highest priority (${election.priority})`;
  return `${election.winner} has the lowest public IP of the ${election.tiedOnPriority} units at priority ${election.priority}`;
}

/** Says why the director passed the session on, when the director is not the target. */
function directorNote(decision: Decision, label: string): string {
  const { decidedBy, directorLoad, ineligible } = decision.detail;
  if (decidedBy === null || decidedBy === decision.target) return '';
  const blocked = ineligible.find((m) => m.name === decidedBy);
  if (blocked) return `; director ${decidedBy} ${reasonText(blocked.reason, label)}`;
  // The director keeps a session only when it is at least 1 % below every other eligible member; the target is the
  // lowest of those, so it is the one the director is not far enough below.
  return `; director ${decidedBy} passes it on: at ${directorLoad} % it is not at least 1 % below ${decision.target} at ${decision.detail.targetLoad ?? 0} %`;
}

function reasonText(reason: IneligibleReason, label: string): string {
  switch (reason) {
    case 'down':
      return 'is down';
    case 'full':
      return 'is full';
    case 'no-limit':
      return `has no ${label} limit`;
  }
}
