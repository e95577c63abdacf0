// The "next session" cards: who gets the next IPsec and the next SSL session, the rule that decided, and the
// server's sentence explaining it.
import type { SimulateResult } from '../../../server/src/protocol';
import { ruleWords, SESSION_LABEL } from '../preview/rule-words';
import type { SessionTypeKey } from '../preview/page-state';
import { el } from './dom';

export function nextCard(type: SessionTypeKey, result: SimulateResult | null): HTMLElement {
  const label = SESSION_LABEL[type];
  const card = el('article', { className: 'card', attrs: { 'data-type': type, 'aria-label': `Next ${label} session` } });
  card.append(el('h3', { text: `Next ${label} session` }));
  if (!result) {
    card.append(el('p', { className: 'muted', text: 'No member takes part, so there is nothing to place.' }));
    return card;
  }
  if (!result.ok) {
    card.append(el('p', { className: 'error', text: result.error }));
    return card;
  }
  const decision = result.decisions[0];
  if (!decision) {
    card.append(el('p', { className: 'muted', text: 'The run placed nothing.' }));
    return card;
  }
  card.append(
    el('p', { className: 'target' }, decision.target === null ? el('span', { className: 'refused', text: 'Refused' }) : el('span', { className: 'target-name', text: decision.target })),
    el('p', { className: 'rule' }, el('span', { className: 'badge rule-badge', text: ruleWords(decision.rule), attrs: { 'data-rule': decision.rule } })),
    el('p', { className: 'explanation', text: sentence(decision.explanation) }),
  );
  return card;
}

/** Ends the server's explanation with a full stop; it starts with a member name, whose case must not change. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
