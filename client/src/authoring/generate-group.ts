// Writes one consistent configuration per member of a new VPN load-balancing group, from the answers of the
// new-group flow. Pure (no editor imports), so the flow and the tests run exactly the same generator.
import ipaddr from 'ipaddr.js';
import { MAX_TESTED_GROUP_SIZE } from '../../../server/src/core/commands/lb-commands';
import { PRODUCT_NAME } from '../product';
import {
  validateHardwareId,
  validateHostname,
  validateKey,
  validateNameif,
  validateOptionalIpv6,
  validatePort,
  validatePrivateAddress,
  validatePublicAddress,
  validatePublicV6Address,
  validatePriority,
  validateVirtualAddress,
  type DraftMember,
  type GroupDraft,
  type InterfaceAddress,
} from './validate';

/**
 * How the cluster key is written. `placeholder` (the default) leaves the key out: a comment in its place says which
 * command to type on the device, so no secret lands in a file (and no line would set a literal dummy key if pasted);
 * `clear` writes the key as typed, which the checker reports as plaintext-cluster-key.
 */
export type KeyChoice = { kind: 'placeholder' } | { kind: 'clear'; key: string };

/**
 * What the checker reports on each member written with the key left out: `cluster encryption` without a key, which is
 * exactly what the engineer still has to type. The flow's wording and its test are built from this list.
 */
export const KEY_LEFT_OUT_CODES = ['encryption-without-key'] as const;

/** The key choices as the flow offers them; each says what the checker will report on the files. */
export const KEY_CHOICE_TEXT = {
  leaveOut: {
    label: 'Leave the key out of the files (recommended)',
    detail: `No secret in the files: a comment shows where to type 'cluster key' on each device. Until a key line is there, the checker reports ${KEY_LEFT_OUT_CODES.join(', ')} on each file.`,
  },
  write: {
    label: 'Write the key into the configurations',
    detail: 'The files then hold the group secret in clear text; the checker warns (plaintext-cluster-key).',
  },
} as const;

export interface InterfaceNames {
  /** Hardware id, e.g. GigabitEthernet0/0. */
  hardware: string;
  nameif: string;
}

export interface MemberSpec {
  hostname: string;
  public: InterfaceAddress;
  /** Required when the group has a virtual IPv6 address, ignored otherwise. */
  publicV6: InterfaceAddress | null;
  private: InterfaceAddress;
  priority: number;
}

export interface GroupSpec {
  vip: string;
  vipv6: string | null;
  port: number;
  encryption: boolean;
  key: KeyChoice;
  publicInterface: InterfaceNames;
  privateInterface: InterfaceNames;
  members: MemberSpec[];
}

export interface GeneratedConfig {
  hostname: string;
  /** `<hostname>.asa`: the extension's language is recognised by that extension. */
  fileName: string;
  text: string;
}

export const PUBLIC_SECURITY_LEVEL = 0;
export const PRIVATE_SECURITY_LEVEL = 100;

/** Every problem of a specification, one sentence each (the same sentences the flow shows while typing). */
export function checkGroupSpec(spec: GroupSpec): string[] {
  const problems: string[] = [];
  const add = (where: string, verdict: string | undefined): void => {
    if (verdict) problems.push(`${where}: ${verdict}`);
  };
  add('virtual address', validateVirtualAddress(spec.vip));
  add('virtual IPv6 address', validateOptionalIpv6(spec.vipv6 ?? ''));
  add('cluster port', validatePort(String(spec.port)));
  if (spec.encryption && spec.key.kind === 'clear') add('cluster key', validateKey(spec.key.key));
  add('public interface', validateHardwareId(spec.publicInterface.hardware, spec.privateInterface.hardware));
  add('public interface name', validateNameif(spec.publicInterface.nameif, spec.privateInterface.nameif));
  add('private interface', validateHardwareId(spec.privateInterface.hardware));
  add('private interface name', validateNameif(spec.privateInterface.nameif));
  if (spec.members.length < 1 || spec.members.length > MAX_TESTED_GROUP_SIZE) {
    problems.push(`members: a group has 1 to ${MAX_TESTED_GROUP_SIZE} members, not ${spec.members.length}`);
  }
  const entered: DraftMember[] = [];
  for (const member of spec.members) {
    const draft: GroupDraft = { vip: spec.vip, vipv6: spec.vipv6, members: entered };
    const where = `member ${entered.length + 1}`;
    add(
      `${where} hostname`,
      validateHostname(
        member.hostname,
        entered.map((m) => m.hostname),
      ),
    );
    add(`${where} public address`, validatePublicAddress(formatSlash(member.public), draft));
    if (spec.vipv6) {
      if (!member.publicV6)
        problems.push(`${where} public IPv6 address: needed, since the group has a virtual IPv6 address`);
      else add(`${where} public IPv6 address`, validatePublicV6Address(formatSlash(member.publicV6), draft));
    }
    add(`${where} private address`, validatePrivateAddress(formatSlash(member.private), draft, member.public));
    add(`${where} priority`, validatePriority(String(member.priority)));
    entered.push({
      hostname: member.hostname,
      public: member.public,
      publicV6: spec.vipv6 ? member.publicV6 : null,
      private: member.private,
    });
  }
  return problems;
}

/** One configuration per member. Throws when the specification has a problem, so nothing inconsistent is written. */
export function generateGroup(spec: GroupSpec): GeneratedConfig[] {
  const problems = checkGroupSpec(spec);
  if (problems.length > 0) throw new Error(`The group cannot be written: ${problems.join('; ')}`);
  return spec.members.map((member, index) => ({
    hostname: member.hostname,
    fileName: `${member.hostname}.asa`,
    text: memberConfig(spec, member, index),
  }));
}

function memberConfig(spec: GroupSpec, member: MemberSpec, index: number): string {
  const pub = spec.publicInterface;
  const priv = spec.privateInterface;
  const vip = spec.vipv6 ? `${spec.vip} ${spec.vipv6}` : spec.vip;
  const lines = [
    `! Member ${index + 1} of ${spec.members.length} of the VPN load-balancing group ${spec.vip}.`,
    `! Written by the ${PRODUCT_NAME} extension: review it, then apply it in configuration mode.`,
    `hostname ${member.hostname}`,
    '!',
    `interface ${pub.hardware}`,
    ` nameif ${pub.nameif}`,
    ` security-level ${PUBLIC_SECURITY_LEVEL}`,
    ` ip address ${member.public.address} ${prefixToMask(member.public.prefix)}`,
    ...(spec.vipv6 && member.publicV6 ? [` ipv6 address ${formatSlash(member.publicV6)}`] : []),
    // A physical interface is shut down until told otherwise, and a member must send and receive on both.
    ' no shutdown',
    '!',
    `interface ${priv.hardware}`,
    ` nameif ${priv.nameif}`,
    ` security-level ${PRIVATE_SECURITY_LEVEL}`,
    ` ip address ${member.private.address} ${prefixToMask(member.private.prefix)}`,
    ' no shutdown',
    '!',
    // Cluster encryption runs IPsec over IKEv1 on the private interface; the device refuses encryption without it.
    ...(spec.encryption ? [`crypto ikev1 enable ${priv.nameif}`, '!'] : []),
    'vpn load-balancing',
    ` priority ${member.priority}`,
    ` interface lbpublic ${pub.nameif}`,
    ` interface lbprivate ${priv.nameif}`,
    ` cluster ip address ${vip}`,
    ` cluster port ${spec.port}`,
    ...keyLines(spec),
    ...(spec.encryption ? [' cluster encryption'] : []),
    ' participate',
    '!',
  ];
  return `${lines.join('\n')}\n`;
}

function keyLines(spec: GroupSpec): string[] {
  if (!spec.encryption) return [];
  if (spec.key.kind === 'clear') return [` cluster key ${spec.key.key}`];
  // Comments only: a placeholder command (a masked '*****', a dummy word) would set that very text as the key if
  // the file were pasted as it is.
  return [
    " ! The group's key is left out of this file. On the device, type here: cluster key, a space, then the key",
    ' ! (the same on every member; the device then shows it as *****). Until a key line is here, the checker',
    ` ! reports ${KEY_LEFT_OUT_CODES.join(', ')} on the next line, as the device refuses encryption without a key.`,
  ];
}

export function formatSlash(address: InterfaceAddress): string {
  return `${address.address}/${address.prefix}`;
}

export function prefixToMask(prefix: number): string {
  return ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();
}
