// Every diagnostic code the product reports, with its default severity, scope and one line on why it matters.
// The README's diagnostics table and the settings schema are generated from this table; a test keeps them in step.
/** How serious a diagnostic is, as LSP counts (declared here, with the codes, so the core's types can name both). */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type Scope = 'block' | 'device' | 'group' | 'internal';

export interface CodeInfo<Code extends string = string> {
  code: Code;
  /** The default severity; some codes are raised to error when the device participates (see `severityNote`). */
  severity: Severity;
  severityNote?: string;
  scope: Scope;
  /** When it is reported, in one sentence. */
  when: string;
  /** Why it matters on the device, in one sentence. */
  why: string;
  /** The quick fix offered, or '' when there is none. */
  fix: string;
}

const CODE_TABLE = [
  // Within the block.
  {
    code: 'unknown-lb-command',
    severity: 'error',
    scope: 'block',
    when: 'A line inside `vpn load-balancing` is not a load-balancing command.',
    why: 'The device rejects the line, so the setting you meant is not applied.',
    fix: 'Replace it with the nearest command.',
  },
  {
    code: 'lb-header-typo',
    severity: 'error',
    scope: 'block',
    when: 'A global command is a near miss of `vpn load-balancing` (`vpn load-balacing`, `vpn load-balancing9`).',
    why: 'The device rejects the line, so the commands under it configure no load balancing and the device joins no group.',
    fix: 'Change it to `vpn load-balancing`.',
  },
  {
    code: 'invalid-argument',
    severity: 'error',
    scope: 'block',
    when: 'An argument is missing or malformed (address, number, keyword, extra words).',
    why: 'The device rejects the command, so the setting is not applied.',
    fix: 'Set the single obviously valid value, where there is one.',
  },
  {
    code: 'priority-out-of-range',
    severity: 'error',
    scope: 'block',
    when: '`priority` is not between 1 and 10.',
    why: 'The chapter gives the range 1 to 10; the product assumes the device rejects another value.',
    fix: 'Clamp to 1 or 10.',
  },
  {
    code: 'port-out-of-range',
    severity: 'error',
    scope: 'block',
    when: '`cluster port` is not between 1 and 65535.',
    why: 'A UDP port is 1 to 65535 (the chapter gives the default 9023); no other value can be a port.',
    fix: 'Set the default port 9023.',
  },
  {
    code: 'ipv6-without-ipv4',
    severity: 'error',
    scope: 'block',
    when: '`cluster ip address` gives only an IPv6 address.',
    why: 'The device refuses it ("Virtual IPv4 address is not set"): the IPv4 virtual address is mandatory.',
    fix: 'Insert an IPv4 placeholder before the IPv6 address.',
  },
  {
    code: 'duplicate-command',
    severity: 'warning',
    scope: 'block',
    when: 'The same setting appears twice in one block.',
    why: 'Only the later line takes effect, so the earlier one misleads readers.',
    fix: 'Delete the earlier line.',
  },
  // Prerequisites on one device.
  {
    code: 'lb-interface-undefined',
    severity: 'error',
    scope: 'device',
    when: '`interface lbpublic|lbprivate X` names no interface with `nameif X`.',
    why: 'Load balancing cannot send or receive on an interface that does not exist.',
    fix: 'Replace with an existing nameif (one action per candidate).',
  },
  {
    code: 'lb-interface-by-address',
    severity: 'information',
    scope: 'device',
    when: "`interface lbpublic|lbprivate` gives an address of one of this device's interfaces instead of its nameif.",
    why: 'The device accepts the name or the address of the interface; the name is the usual form and survives a readdressing.',
    fix: "Replace the address with the interface's nameif.",
  },
  {
    code: 'lb-interface-missing',
    severity: 'warning',
    scope: 'device',
    when: '`interface lbpublic` or `interface lbprivate` is not configured.',
    why: 'Every device of a group needs both: clients first reach the virtual address on the public one, members exchange keepalives on the private one.',
    fix: 'Insert it (one action per existing nameif).',
  },
  {
    code: 'lb-interfaces-same',
    severity: 'warning',
    scope: 'device',
    when: 'lbpublic and lbprivate name the same interface.',
    why: 'Client traffic and member-to-member messages then share one interface, which defeats the split.',
    fix: '',
  },
  {
    code: 'cluster-ip-missing',
    severity: 'warning',
    scope: 'device',
    when: 'The block has no `cluster ip address` (one that is given but rejected has its own diagnostic).',
    why: 'The virtual address is where clients connect first; without one the device is in no group (the product groups devices by it).',
    fix: 'Insert a `cluster ip address` line.',
  },
  {
    code: 'cluster-ip-outside-public-subnet',
    severity: 'error',
    scope: 'device',
    when: "The virtual IPv4 address is not inside the lbpublic interface's subnet.",
    why: 'The director answers for the virtual address on the public interface; outside its subnet nobody can reach it.',
    fix: '',
  },
  {
    code: 'cluster-ip-conflict',
    severity: 'error',
    scope: 'device',
    when: "The virtual address equals one of this device's interface (or standby) addresses.",
    why: 'The director claims the virtual address; a duplicate address breaks both it and the interface.',
    fix: '',
  },
  {
    code: 'encryption-without-key',
    severity: 'error',
    scope: 'device',
    when: '`cluster encryption` with no `cluster key`.',
    why: 'The chapter: before enabling encryption "you must first specify and verify a shared secret".',
    fix: 'Insert `cluster key` before `cluster encryption`.',
  },
  {
    code: 'encryption-without-ikev1',
    severity: 'error',
    scope: 'device',
    when: '`cluster encryption` without `crypto ikev1 enable` (before ASA 8.4: `crypto isakmp enable`) on the lbprivate interface.',
    why: 'The chapter: enable IKEv1 on the inside interface first, or the device gives an error message at `cluster encryption` (and at `participate` if it was disabled since, leaving encryption off).',
    fix: 'Insert `crypto ikev1 enable <nameif>` before the block.',
  },
  {
    code: 'encryption-with-fips',
    severity: 'error',
    scope: 'device',
    when: '`cluster encryption` while `fips enable` is configured.',
    why: 'Cluster encryption is not supported in FIPS mode.',
    fix: '',
  },
  {
    code: 'plaintext-cluster-key',
    severity: 'warning',
    scope: 'device',
    when: 'The file holds the cluster key in clear text.',
    why: 'Config files get shared, archived and pasted; a clear key in them leaks the group secret.',
    fix: '',
  },
  {
    code: 'not-participating',
    severity: 'information',
    scope: 'device',
    when: 'A load-balancing block without `participate`.',
    why: 'Nothing in the block takes effect until the device participates.',
    fix: 'Append `participate`.',
  },
  {
    code: 'multiple-context-mode',
    severity: 'error',
    scope: 'device',
    when: "The config is in multiple context mode (`mode multiple`, `context` definitions, or a context's own config: `ASA Version … <context>`) and has a load-balancing block.",
    why: 'VPN load balancing is not supported in multiple context mode.',
    fix: '',
  },
  {
    code: 'local-ca-conflict',
    severity: 'error',
    scope: 'device',
    when: '`crypto ca server` (Local CA) on a device with load balancing.',
    why: 'The Local CA feature is not supported if you use VPN load balancing (as for multiple context mode, the chapter says "not supported").',
    fix: '',
  },
  {
    code: 'redirect-fqdn-without-dns',
    severity: 'warning',
    scope: 'device',
    when: '`redirect-fqdn enable` without `dns domain-lookup` or without a name server.',
    why: "The director sends a member's name found by reverse DNS lookup; the chapter's procedure enables DNS lookups and defines a name server for it.",
    fix: 'Insert `dns domain-lookup <lbprivate nameif>` and a name-server placeholder.',
  },
  {
    code: 'group-url-missing',
    severity: 'warning',
    scope: 'device',
    when: 'The device uses `group-url` but lacks an enabled one for the virtual IPv4, the virtual IPv6 (when set), or its own public address (the `nat` address when set). Information only when the profile has group URLs written with a host name, which a file cannot resolve.',
    why: 'Clients redirected to that address with a group URL land on no connection profile.',
    fix: 'Insert the missing `group-url` line(s).',
  },
  // Across the devices of a group.
  {
    code: 'group-setting-mismatch',
    severity: 'error',
    scope: 'group',
    when: 'Members differ in cluster port, encryption, key (both known) or virtual IPv6 address.',
    why: 'Members with different group settings cannot talk to each other and split the group.',
    fix: "Set this member's value to the majority's (ties: the predicted director's).",
  },
  {
    code: 'cluster-key-unverifiable',
    severity: 'information',
    scope: 'group',
    when: "A member's key is masked (`*****`) or encrypted (`8 …`).",
    why: 'Key equality across members cannot be checked from these files.',
    fix: '',
  },
  {
    code: 'redirect-fqdn-mismatch',
    severity: 'warning',
    scope: 'group',
    when: '`redirect-fqdn` differs between members.',
    why: 'Clients get names from one director and addresses from another, depending on who is director.',
    fix: 'Align to the majority.',
  },
  {
    code: 'duplicate-public-address',
    severity: 'error',
    scope: 'group',
    when: 'Two members have the same lbpublic address (or the same `nat` address).',
    why: 'The director cannot tell the members apart and redirects clients to the wrong one.',
    fix: '',
  },
  {
    code: 'duplicate-hostname',
    severity: 'warning',
    scope: 'group',
    when: 'Two members share a hostname.',
    why: "The product's reasoning, not the chapter's: two devices with one name confuse logs and change scripts, which find their device by hostname (redirect-fqdn uses reverse DNS of the address, not the hostname).",
    fix: '',
  },
  {
    code: 'subnet-mismatch',
    severity: 'error',
    scope: 'group',
    when: "Members' lbpublic (or lbprivate) interfaces are not on one IPv4 network.",
    why: 'Members must share the public and the private networks to exchange Hello and keepalive messages.',
    fix: '',
  },
  {
    code: 'pool-overlap',
    severity: 'error',
    scope: 'group',
    when: '`ip local pool` ranges of two members overlap.',
    why: 'Address pools must be unique per device, or two clients get the same address.',
    fix: '',
  },
  {
    code: 'group-too-large',
    severity: 'warning',
    scope: 'group',
    when: 'More than 10 members.',
    why: 'Groups larger than 10 devices are not what the vendor tests or supports.',
    fix: '',
  },
  {
    code: 'probable-vip-typo',
    severity: 'warning',
    scope: 'group',
    when: "A participating device's public subnet holds another group's virtual address but its own differs.",
    why: 'It probably meant to join that group; as written it forms a group of its own.',
    fix: "Replace with that group's address.",
  },
  {
    code: 'priority-tie',
    severity: 'information',
    scope: 'group',
    when: 'The highest priority in the group is shared.',
    why: 'The chapter: of units with the same priority, the one with the lower IP address is elected (which address it does not say; the product compares public addresses), which may not be the unit you meant.',
    fix: '',
  },
  {
    code: 'single-member-group',
    severity: 'hint',
    scope: 'group',
    when: 'A group has one member in the workspace.',
    why: 'Cross-device checks need the other members’ configs in the workspace.',
    fix: '',
  },
  // The product itself.
  {
    code: 'internal-error',
    severity: 'error',
    scope: 'internal',
    when: 'A check failed unexpectedly on this file.',
    why: 'The other checks still ran; please report the file (without secrets).',
    fix: '',
  },
] as const satisfies readonly CodeInfo[];

/** Every code the product reports, as a type: a misspelt code does not compile. */
export type DiagnosticCode = (typeof CODE_TABLE)[number]['code'];

export const CODES: readonly CodeInfo<DiagnosticCode>[] = CODE_TABLE;

const byCode = new Map<string, CodeInfo<DiagnosticCode>>(CODES.map((c) => [c.code, c]));

export function codeInfo(code: string): CodeInfo<DiagnosticCode> {
  const info = byCode.get(code);
  if (!info) throw new Error(`unknown diagnostic code ${code}`);
  return info;
}

export function isKnownCode(code: string): code is DiagnosticCode {
  return byCode.has(code);
}
