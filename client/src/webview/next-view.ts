// The "next session" cards: who gets the next IPsec and the next SSL session, the rule that decided, and the
// server's sentence explaining it.
import type { SimulateResult } from '../../../server/src/protocol';
import { ruleWords, SESSION_LABEL } from '../preview/rule-words';
import type { SessionTypeKey } from '../preview/page-state';
import { el } from './dom';

export function nextCard(type: SessionTypeKey, result: SimulateResult | null): HTMLElement {
  const label = SESSION_LABEL[type];
  const card = el('article', {
    className: 'card',
    attrs: { 'data-type': type, 'aria-label': `Next ${label} session` },
  });
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
    el(
      'p',
      { className: 'target' },
      decision.target === null
        ? el('span', { className: 'refused', text: 'Refused' })
        : el('span', { className: 'target-name', text: decision.target }),
    ),
    el(
      'p',
      { className: 'rule' },
      el('span', {
        className: 'badge rule-badge',
        text: ruleWords(decision.rule),
        attrs: { 'data-rule': decision.rule },
      }),
    ),
    el('p', { className: 'explanation', text: sentence(decision.explanation) }),
  );
  return card;
}

/**
 * What a screen reader is told about the next session of one type: who and by which rule. The page announces it
 * only when it differs from what it last said (`decisionKey`), not on every keystroke that leaves it unchanged.
 */
export function nextSentence(type: SessionTypeKey, result: SimulateResult | null): string {
  const label = `Next ${SESSION_LABEL[type]} session`;
  if (!result) return `${label}: nothing to place.`;
  if (!result.ok) return `${label}: ${sentence(result.error)}`;
  const decision = result.decisions[0];
  if (!decision) return `${label}: nothing placed.`;
  return decision.target === null
    ? `${label}: refused, ${ruleWords(decision.rule)}.`
    : `${label}: ${decision.target}, ${ruleWords(decision.rule)}.`;
}

/** The target and rule of the next session of one type, to tell whether an announcement is due. */
export function decisionKey(result: SimulateResult | null): string {
  if (!result) return 'none';
  if (!result.ok) return `error ${result.error}`;
  const decision = result.decisions[0];
  return decision ? JSON.stringify([decision.target, decision.rule]) : 'empty';
}

/** Ends the server's explanation with a full stop; it starts with a member name, whose case must not change. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
