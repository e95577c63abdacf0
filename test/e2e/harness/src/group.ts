// The fixture group (test/fixtures/e2e/group/) and the problems each member shows before any edit, as plain data:
// the suite inside the workbench and the Playwright pass outside it both check against this one table.

/** The extension under test, as `publisher.name` of the root package.json. */
export const PRODUCT_ID = 'asa-lb.asa-lb';

/** The three members of the group. */
export const MEMBERS = ['dc-vpn-1.cfg', 'dc-vpn-2.cfg', 'dc-vpn-3.asa'] as const;
export type Member = (typeof MEMBERS)[number];

/**
 * The cluster keys written in the fixture, as the words an editor would pick out of them (no `!`, no `==`):
 * no hover, completion item, preview or message may ever show them, not even as a word.
 */
export const FIXTURE_KEYS = ['Summer2024', 'Xq9dPlHeS1lA0zmQWbY7ZA'] as const;

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface ExpectedDiagnostic {
  code: string;
  severity: Severity;
  /** The diagnostic's range, marked with `[…]` in its line (see fixture.ts). */
  at: string;
  /** Members its related information must point at (cross-device checks). */
  related?: Member[];
}

/** The fixture's mistakes: what each member shows before any edit, one row per diagnostic, nothing else. */
export const EXPECTED: Record<Member, ExpectedDiagnostic[]> = {
  'dc-vpn-1.cfg': [
    {
      code: 'pool-overlap',
      severity: 'error',
      at: 'ip local pool VPN-POOL-1 [10.50.1.1-10.50.1.254] mask',
      related: ['dc-vpn-2.cfg'],
    },
    {
      code: 'cluster-key-unverifiable',
      severity: 'information',
      at: ' [cluster key 8 Xq9dPlHeS1lA0zmQWbY7ZA==]',
      related: ['dc-vpn-3.asa'],
    },
  ],
  'dc-vpn-2.cfg': [
    {
      code: 'pool-overlap',
      severity: 'error',
      at: 'ip local pool VPN-POOL-2 [10.50.1.200-10.50.2.254] mask',
      related: ['dc-vpn-1.cfg'],
    },
    {
      code: 'cluster-key-unverifiable',
      severity: 'information',
      at: ' [cluster key 8 Xq9dPlHeS1lA0zmQWbY7ZA==]',
      related: ['dc-vpn-3.asa'],
    },
    { code: 'encryption-without-ikev1', severity: 'error', at: ' [cluster encryption]' },
    {
      code: 'group-setting-mismatch',
      severity: 'error',
      at: ' cluster port [9024]',
      related: ['dc-vpn-1.cfg', 'dc-vpn-3.asa'],
    },
    { code: 'group-url-missing', severity: 'warning', at: ' [group-url https://209.165.202.140/staff enable]' },
  ],
  'dc-vpn-3.asa': [
    {
      code: 'redirect-fqdn-mismatch',
      severity: 'warning',
      at: '[vpn load-balancing]',
      related: ['dc-vpn-1.cfg', 'dc-vpn-2.cfg'],
    },
    { code: 'unknown-lb-command', severity: 'error', at: ' [priorty 5]' },
    {
      code: 'cluster-key-unverifiable',
      severity: 'information',
      at: ' [cluster key Summer2024!]',
      related: ['dc-vpn-1.cfg', 'dc-vpn-2.cfg'],
    },
    { code: 'plaintext-cluster-key', severity: 'warning', at: ' cluster key [Summer2024!]' },
    { code: 'lb-interface-undefined', severity: 'error', at: ' interface lbprivate [Inside]' },
  ],
};

/** What the redirect preview must show for the group: each member's name and public address. */
export const PREVIEW_MEMBERS: { name: string; publicIp: string }[] = [
  { name: 'dc-vpn-1', publicIp: '209.165.202.130' },
  { name: 'dc-vpn-2', publicIp: '209.165.202.131' },
  { name: 'dc-vpn-3', publicIp: '209.165.202.132' },
];
