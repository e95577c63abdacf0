// The redirect rules (`server/src/core/sim/redirect.ts`) named in plain words for the preview; the sentences that explain each decision
// come from the server's core (`explanation`), these only label them.

export const RULE_WORDS: Readonly<Record<string, string>> = {
  director: 'the director keeps it',
  'lowest-load': 'lowest load',
  'fewest-sessions': 'equal load, fewest sessions',
  'lowest-ip': 'equal load and sessions, lowest public address',
  none: 'refused: no member can take it',
};

export function ruleWords(rule: string): string {
  return RULE_WORDS[rule] ?? rule;
}

export const SESSION_LABEL = { ssl: 'SSL', ipsec: 'IPsec' } as const;
