// The one table of `vpn load-balancing` sub-mode commands: syntax, arguments, defaults, documentation and snippets.
// Completion, hover, argument validation and snippets all read from here, so a command is described exactly once.
import type { DiagnosticCode } from '../checks/codes';

export type LbCommandId =
  | 'interface-lbpublic'
  | 'interface-lbprivate'
  | 'priority'
  | 'nat'
  | 'cluster-ip-address'
  | 'cluster-port'
  | 'cluster-encryption'
  | 'cluster-key'
  | 'redirect-fqdn'
  | 'participate';

/** What an argument position accepts. */
export type ArgKind =
  | { kind: 'nameif' }
  | { kind: 'integer'; min: number; max: number; outOfRangeCode?: DiagnosticCode }
  | { kind: 'ipv4' }
  | { kind: 'ipv6' }
  | { kind: 'choice'; values: string[] }
  | { kind: 'secret' };

export interface ArgSpec {
  /** Placeholder name shown in syntax and messages, e.g. IFNAME. */
  name: string;
  optional?: boolean;
  type: ArgKind;
}

export interface LbCommandSpec {
  id: LbCommandId;
  /** The keyword path that selects the command, e.g. ['cluster', 'ip', 'address']. */
  keywords: string[];
  /** Human syntax line. */
  syntax: string;
  args: ArgSpec[];
  /** The value the device uses when the command is absent, in words. */
  defaultText: string;
  /** One sentence for completion lists. */
  summary: string;
  /** Markdown for hover: what it does and why it matters, in the project's own words. */
  doc: string;
  /** A snippet body (VS Code syntax) that inserts the command with placeholders. */
  snippet: string;
  /** Whether the setting is shared by every member of the group and must be identical. */
  groupWide: boolean;
  /** Diagnostic codes that concern this command, for hover. */
  codes: DiagnosticCode[];
}

export const DEFAULT_PRIORITY = 5;
export const DEFAULT_CLUSTER_PORT = 9023;
export const MIN_PRIORITY = 1;
export const MAX_PRIORITY = 10;
export const MAX_TESTED_GROUP_SIZE = 10;

export const LB_COMMANDS: readonly LbCommandSpec[] = [
  {
    id: 'interface-lbpublic',
    keywords: ['interface', 'lbpublic'],
    syntax: 'interface lbpublic IFNAME',
    args: [{ name: 'IFNAME', type: { kind: 'nameif' } }],
    defaultText: 'none: load balancing cannot run without it',
    summary: 'The public (outside) interface of this member.',
    doc:
      'Names the interface, by its `nameif` (the device also accepts its IP address), on which VPN clients reach the group. ' +
      "Clients first connect to the group's virtual address here, and the Hello handshake with the director runs here. " +
      'Only one interface can be public: several public interfaces would share one CPU and balance nothing.',
    snippet: 'interface lbpublic ${1:outside}',
    groupWide: false,
    codes: [
      'lb-interface-undefined',
      'lb-interface-missing',
      'lb-interfaces-same',
      'cluster-ip-outside-public-subnet',
      'subnet-mismatch',
      'duplicate-public-address',
    ],
  },
  {
    id: 'interface-lbprivate',
    keywords: ['interface', 'lbprivate'],
    syntax: 'interface lbprivate IFNAME',
    args: [{ name: 'IFNAME', type: { kind: 'nameif' } }],
    defaultText: 'none: load balancing cannot run without it',
    summary: 'The private (inside) interface of this member.',
    doc:
      'Names the interface, by its `nameif` (the device also accepts its IP address), that members use among themselves: keepalives carrying each load, topology updates and out-of-service messages travel here. ' +
      'With `cluster encryption`, these messages run in an IPsec LAN-to-LAN tunnel on this interface, so IKEv1 must be enabled on it.',
    snippet: 'interface lbprivate ${1:inside}',
    groupWide: false,
    codes: [
      'lb-interface-undefined',
      'lb-interface-missing',
      'lb-interfaces-same',
      'encryption-without-ikev1',
      'subnet-mismatch',
    ],
  },
  {
    id: 'priority',
    keywords: ['priority'],
    syntax: 'priority 1-10',
    args: [
      {
        name: 'PRIORITY',
        type: { kind: 'integer', min: MIN_PRIORITY, max: MAX_PRIORITY, outOfRangeCode: 'priority-out-of-range' },
      },
    ],
    defaultText: `${DEFAULT_PRIORITY} (assumed: the device's documentation gives no default; this product assumes ${DEFAULT_PRIORITY})`,
    summary: 'How likely this member is to become director (higher wins).',
    doc:
      'When members elect a director, the highest priority wins; of two units with the same priority the one with the lower IP address is elected ' +
      '(the chapter does not say which address; this product compares public addresses). ' +
      "This product's reading: an election happens only when there is no working director, so a unit that joins later with a higher priority does not take over " +
      "(the chapter's own `show vpn load-balancing` example shows a priority-7 Master with a priority-9 Backup).",
    snippet: 'priority ${1|5,10,9,8,7,6,4,3,2,1|}',
    groupWide: false,
    codes: ['priority-out-of-range', 'duplicate-command', 'priority-tie'],
  },
  {
    id: 'nat',
    keywords: ['nat'],
    syntax: 'nat IPV4 [IPV6] | nat HOSTNAME',
    args: [
      { name: 'IPV4|HOSTNAME', type: { kind: 'ipv4' } },
      { name: 'IPV6', optional: true, type: { kind: 'ipv6' } },
    ],
    defaultText: "none: the director hands out this member's public address",
    summary: 'The address clients see for this member when it sits behind NAT.',
    doc:
      'When a NAT device stands between clients and this member, the director must redirect clients to the translated address, not the interface address. ' +
      'Give the NAT-assigned IPv4 address (and optionally IPv6 address), or a hostname.',
    snippet: 'nat ${1:192.0.2.10}',
    groupWide: false,
    codes: ['invalid-argument', 'duplicate-public-address'],
  },
  {
    id: 'cluster-ip-address',
    keywords: ['cluster', 'ip', 'address'],
    syntax: 'cluster ip address IPV4 [IPV6]',
    args: [
      { name: 'IPV4', type: { kind: 'ipv4' } },
      { name: 'IPV6', optional: true, type: { kind: 'ipv6' } },
    ],
    defaultText: 'none: a member without it belongs to no group',
    summary: "The group's virtual address (IPv4 required, IPv6 optional).",
    doc:
      'The single address that represents the whole group to clients; whichever unit is director owns it. ' +
      "It must lie in the public interface's subnet, which every member shares, and must be the same on every member. " +
      'An IPv4 address is mandatory: for an IPv6-only virtual address the device gives the error "Virtual IPv4 address is not set".',
    snippet: 'cluster ip address ${1:192.0.2.100}',
    groupWide: true,
    codes: [
      'cluster-ip-missing',
      'ipv6-without-ipv4',
      'cluster-ip-outside-public-subnet',
      'cluster-ip-conflict',
      'group-setting-mismatch',
      'probable-vip-typo',
    ],
  },
  {
    id: 'cluster-port',
    keywords: ['cluster', 'port'],
    syntax: 'cluster port 1-65535',
    args: [{ name: 'PORT', type: { kind: 'integer', min: 1, max: 65535, outOfRangeCode: 'port-out-of-range' } }],
    defaultText: `${DEFAULT_CLUSTER_PORT}`,
    summary: 'UDP port of the load-balancing protocol.',
    doc: `The UDP port members use to talk to each other. Change it only when another application already uses ${DEFAULT_CLUSTER_PORT}; every member must use the same port.`,
    snippet: `cluster port \${1:${DEFAULT_CLUSTER_PORT}}`,
    groupWide: true,
    codes: ['port-out-of-range', 'group-setting-mismatch'],
  },
  {
    id: 'cluster-encryption',
    keywords: ['cluster', 'encryption'],
    syntax: 'cluster encryption',
    args: [],
    defaultText: 'off',
    summary: 'Encrypt messages between members with IPsec.',
    doc:
      'Carries member-to-member messages in IPsec LAN-to-LAN tunnels over the private interface. ' +
      'The chapter requires a `cluster key` to be set first, and IKEv1 enabled on the private interface first (otherwise the device gives an error message). ' +
      'Not supported with FIPS mode, and these tunnels are not synchronised to a failover standby. Every member must agree on it.',
    snippet: 'cluster encryption',
    groupWide: true,
    codes: ['encryption-without-key', 'encryption-without-ikev1', 'encryption-with-fips', 'group-setting-mismatch'],
  },
  {
    id: 'cluster-key',
    keywords: ['cluster', 'key'],
    syntax: 'cluster key KEY | cluster key 8 ENCRYPTED-KEY',
    args: [{ name: 'KEY', type: { kind: 'secret' } }],
    defaultText: 'none',
    summary: 'Shared secret for cluster encryption.',
    doc:
      'The IPsec shared secret members use when `cluster encryption` is on; it must be the same on every member. ' +
      '`cluster key 8 …` takes a key that is already encrypted (copied from another config); `show running-config` masks it as `*****`. ' +
      'Avoid keeping it in clear text in files that get shared.',
    snippet: 'cluster key ${1:CHANGE-ME}',
    groupWide: true,
    codes: ['encryption-without-key', 'plaintext-cluster-key', 'group-setting-mismatch', 'cluster-key-unverifiable'],
  },
  {
    id: 'redirect-fqdn',
    keywords: ['redirect-fqdn'],
    syntax: 'redirect-fqdn enable|disable',
    args: [{ name: 'enable|disable', type: { kind: 'choice', values: ['enable', 'disable'] } }],
    defaultText: 'disable',
    summary: "Redirect clients to a member's DNS name instead of its address.",
    doc:
      "The director looks up each member's name by reverse DNS and redirects clients to that name, so certificates issued for names stay valid. " +
      'The device needs DNS lookups enabled (`dns domain-lookup IFNAME`) and a name server, and every member should agree.',
    snippet: 'redirect-fqdn ${1|enable,disable|}',
    groupWide: false,
    codes: ['redirect-fqdn-without-dns', 'redirect-fqdn-mismatch'],
  },
  {
    id: 'participate',
    keywords: ['participate'],
    syntax: 'participate',
    args: [],
    defaultText: 'off: a block without it configures load balancing but does not run it',
    summary: 'Join the group: turns load balancing on for this device.',
    doc:
      'VPN load balancing is disabled by default; this enables it on this device. ' +
      'The chapter configures the public and private interfaces and the virtual address first. If IKEv1 was enabled when encryption was configured but disabled since, ' +
      'the device gives an error message at `participate` and encryption is not enabled for the group. ' +
      'Load balancing also needs an active 3DES/AES licence and a Security Plus licence, which a config cannot show.',
    snippet: 'participate',
    groupWide: false,
    codes: ['not-participating', 'lb-interface-missing', 'cluster-ip-missing', 'encryption-without-ikev1'],
  },
];

const byId = new Map(LB_COMMANDS.map((c) => [c.id, c]));

export function lbCommand(id: LbCommandId): LbCommandSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`unknown load-balancing command ${id}`);
  return spec;
}
