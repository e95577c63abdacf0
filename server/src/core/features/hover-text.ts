// The markdown of every hover: load-balancing commands with this device's state, interfaces, the virtual address
// with its group, the cluster key's form (never the key), and the block header's summary of settings and role.
import {
  DEFAULT_CLUSTER_PORT,
  DEFAULT_PRIORITY,
  lbCommand,
  type LbCommandId,
  type LbCommandSpec,
} from '../commands/lb-commands';
import type { DeviceAnalysis } from '../analyze';
import type { KeyForm } from '../model/device';
import type { Workspace } from '../workspace';
import { fileName, joinWords } from './cursor';
import { groupInfo } from './group-info';
import { interfaceMarkdown, ipv4Subnet } from './interfaces';
import { interfaceWithAddress, lbInterface, lbNameif } from '../model/lb-interface';
import { argumentsMarkdown, codesMarkdown } from './lb-docs';
import { findInterfaces } from './navigation';
import { mdCode, mdText } from './markdown';

export interface HoverScope {
  ws: Workspace;
  uri: string;
  analysis: DeviceAnalysis;
}

function status(ok: boolean): string {
  return ok ? 'present' : '**missing**';
}

/** Prerequisites of a command on this device, each with whether the device has it. */
function prerequisites(scope: HoverScope, id: LbCommandId): string[] {
  const { device } = scope.analysis;
  const lb = device.lb;
  // The chapter lets `interface lbpublic|lbprivate` name the interface by its address too.
  const defined = (name: string | undefined): boolean =>
    !!name &&
    (findInterfaces(scope.ws, scope.uri, scope.analysis, name).length > 0 ||
      interfaceWithAddress(device, name) !== undefined);
  const privateName = lbNameif(device, 'lbprivate') ?? undefined;
  const ikev1 = !!privateName && device.ikev1Enabled.some((e) => e.value === privateName);
  switch (id) {
    case 'interface-lbpublic':
    case 'interface-lbprivate': {
      const name = lb?.[id === 'interface-lbpublic' ? 'lbpublic' : 'lbprivate']?.value;
      return [
        `- an interface with ${mdCode(`nameif ${name ?? 'IFNAME'}`)}: ${name ? status(defined(name)) : 'not set yet'}`,
      ];
    }
    case 'cluster-ip-address': {
      const pub = lb?.lbpublic?.value;
      const intf = pub
        ? (findInterfaces(scope.ws, scope.uri, scope.analysis, pub)[0]?.intf ?? lbInterface(device, 'lbpublic'))
        : undefined;
      const subnet = intf ? ipv4Subnet(intf) : null;
      return [
        `- \`interface lbpublic\` with an IPv4 subnet the address lies in: ${subnet ? `present (${mdText(subnet)})` : status(false)}`,
      ];
    }
    case 'cluster-encryption':
      return [
        `- \`cluster key\`: ${status(!!lb?.key)}`,
        `- ${mdCode(`crypto ikev1 enable ${privateName ?? '<lbprivate nameif>'}`)}: ${status(ikev1)}`,
        `- FIPS mode off: ${device.fips ? '**no: `fips enable` is configured**' : 'yes'}`,
      ];
    case 'redirect-fqdn':
      return [
        `- \`dns domain-lookup IFNAME\`: ${status(device.dnsDomainLookup.length > 0)}`,
        `- a name server: ${status(device.nameServers.length > 0)}`,
      ];
    case 'participate': {
      const list = [
        `- \`interface lbpublic\`: ${status(!!lb?.lbpublic && defined(lb.lbpublic.value))}`,
        `- \`interface lbprivate\`: ${status(!!lb?.lbprivate && defined(lb.lbprivate.value))}`,
        `- \`cluster ip address\`: ${status(!!lb?.clusterIp)}`,
      ];
      if (lb?.encryption)
        list.push(
          `- ${mdCode(`crypto ikev1 enable ${privateName ?? '<lbprivate nameif>'}`)} (encryption is on): ${status(ikev1)}`,
        );
      list.push(
        '- an active 3DES/AES licence and a Security Plus licence: a config file cannot show them, so check the device’s licences',
      );
      return list;
    }
    default:
      return [];
  }
}

/** What this device has for a command, in words. */
function currentValue(scope: HoverScope, id: LbCommandId): string | null {
  const lb = scope.analysis.device.lb;
  if (!lb) return null;
  switch (id) {
    case 'interface-lbpublic':
      return lb.lbpublic ? mdCode(lb.lbpublic.value) : 'not set';
    case 'interface-lbprivate':
      return lb.lbprivate ? mdCode(lb.lbprivate.value) : 'not set';
    case 'priority':
      return lb.priority ? `${lb.priority.value}` : `not set: ${DEFAULT_PRIORITY} is assumed`;
    case 'cluster-ip-address':
      return lb.clusterIp
        ? [lb.clusterIp.value.ipv4, lb.clusterIp.value.ipv6].filter(Boolean).join(' and ')
        : 'not set';
    case 'cluster-port':
      return lb.port ? `${lb.port.value}` : `not set: ${DEFAULT_CLUSTER_PORT} (the default)`;
    case 'cluster-encryption':
      return lb.encryption ? 'on' : 'off';
    case 'redirect-fqdn':
      return lb.redirectFqdn ? (lb.redirectFqdn.value ? 'enable' : 'disable') : 'not set: disable (the default)';
    case 'participate':
      return lb.participate ? 'participates' : 'does not participate';
    case 'nat':
      return lb.nat
        ? mdText([lb.nat.value.ipv4, lb.nat.value.ipv6, lb.nat.value.hostname].filter(Boolean).join(' and '))
        : 'not set';
    default:
      return null;
  }
}

/** Hover of a load-balancing command (not `cluster key`, which has its own): docs, default, values, prerequisites, codes. */
export function commandHover(scope: HoverScope, spec: LbCommandSpec, lead?: string): string {
  const parts: string[] = [];
  if (lead) parts.push(lead, '');
  parts.push('```asa', spec.syntax, '```', '', spec.doc, '', `**Default:** ${spec.defaultText}.`);
  const args = argumentsMarkdown(spec);
  if (args.length > 0) parts.push('', '**Values:**', ...args);
  const prereqs = prerequisites(scope, spec.id);
  if (prereqs.length > 0) parts.push('', '**Needs:**', ...prereqs);
  const value = currentValue(scope, spec.id);
  if (value) parts.push('', `**This device:** ${value}.`);
  parts.push('', spec.groupWide ? 'Must be the same on every member of the group.' : 'Set per device.');
  parts.push('', '**Diagnostics about it:**', ...codesMarkdown(spec.codes));
  return parts.join('\n');
}

/** "9 is most likely …": what one priority value means. */
export function priorityValueLead(value: number): string {
  if (value === 10) return `**priority ${value}**: the most likely to become director.`;
  if (value === 1) return `**priority ${value}**: the least likely to become director.`;
  if (value === DEFAULT_PRIORITY)
    return `**priority ${value}**: the value this product assumes when priority is not set.`;
  return `**priority ${value}**: ${value > DEFAULT_PRIORITY ? 'more' : 'less'} likely to become director than the assumed default ${DEFAULT_PRIORITY}.`;
}

const KEY_FORMS: Record<KeyForm, { name: string; risk: string }> = {
  clear: {
    name: 'clear text',
    risk:
      'Written in clear text, the shared secret travels with every copy of this file — backups, tickets, repositories, ' +
      'e-mail — and whoever reads one can join or decrypt the members’ traffic. Keep clear keys out of shared files: ' +
      'write `cluster key 8` followed by the encrypted form the device stores.',
  },
  encrypted: {
    name: 'encrypted (`8` followed by the encrypted key)',
    risk: 'The file does not reveal the secret. Whether every member has the same key cannot be checked from encrypted forms.',
  },
  masked: {
    name: 'masked (the device hid it when it printed the configuration)',
    risk: 'This capture does not say which key the device uses, so neither the key nor its equality across members can be checked from it.',
  },
};

/** Hover of `cluster key`: its form and why that matters. The key itself is never part of it. */
export function keyHover(form: KeyForm | null): string {
  const spec = lbCommand('cluster-key');
  const parts = ['```asa', 'cluster key KEY | cluster key 8 ENCRYPTED-KEY', '```', ''];
  if (form)
    parts.push(`**Form:** ${KEY_FORMS[form].name}. The key itself is never shown here.`, '', KEY_FORMS[form].risk);
  else parts.push('No key is written on this line.');
  parts.push(
    '',
    'The shared secret members use for IPsec between them when `cluster encryption` is on; every member needs the same one.',
    '',
    `**Default:** ${spec.defaultText}.`,
    '',
    '**Diagnostics about it:**',
    ...codesMarkdown(spec.codes, 'why'),
  );
  return parts.join('\n');
}

/** Hover of an interface name: its hardware id, addresses, subnet and load-balancing role. */
export function nameifHover(scope: HoverScope, name: string): string {
  const found = findInterfaces(scope.ws, scope.uri, scope.analysis, name);
  const lb = scope.analysis.device.lb;
  if (found.length === 0) {
    const similar = scope.analysis.device.interfaces.find(
      (i) => i.nameif && i.nameif.value.toLowerCase() === name.toLowerCase(),
    );
    const hint = similar ? ` Interface names are case-sensitive: did you mean ${mdCode(similar.nameif!.value)}?` : '';
    return `**${mdText(name)}**: no interface of this device has ${mdCode(`nameif ${name}`)}.${hint}`;
  }
  const parts: string[] = [];
  for (const { uri, intf } of found) {
    const where = uri === scope.uri ? '' : ` (defined in ${mdText(fileName(uri))})`;
    parts.push(`**${mdText(name)}**: interface ${mdCode(intf.hwid)}${where}`, '', ...interfaceMarkdown(intf), '');
  }
  const roles: string[] = [];
  if (lb?.lbpublic?.value === name) roles.push('the public (lbpublic) interface of load balancing');
  if (lb?.lbprivate?.value === name) roles.push('the private (lbprivate) interface of load balancing');
  if (roles.length > 0) parts.push(`Used as ${joinWords(roles)}.`);
  if (found.length > 1) parts.push('Several interfaces have this name; the device accepts only one.');
  return parts.join('\n').trim();
}

/** Hover of the virtual address: the group's members with address and priority, and the predicted director. */
export function virtualAddressHover(scope: HoverScope, address: string): string {
  const info = groupInfo(scope.ws, scope.uri);
  const spec = lbCommand('cluster-ip-address');
  const tail = ['', spec.doc, '', '**Diagnostics about it:**', ...codesMarkdown(spec.codes)];
  if (!info.inGroup)
    return [
      `**Virtual address ${mdText(address)}**: this device is in no group (${mdText(info.reason)}).`,
      ...tail,
    ].join('\n');
  const { group } = info;
  const rows = group.members.map((m) => {
    const self = m.uri === scope.uri ? ' (this device)' : '';
    const priority = m.priorityConfigured ? `${m.priority}` : `${m.priority} (assumed)`;
    return `| ${mdText(m.name)}${self} | ${m.publicIp ?? '—'} | ${priority} | ${m.participates ? 'yes' : 'no'} |`;
  });
  const director = group.predictedDirector
    ? `**Predicted director:** ${mdText(group.predictedDirector)}: ${mdText(group.electionReason ?? '')}.`
    : '**Predicted director:** none: no member participates.';
  return [
    `**Virtual address ${group.clusterIp}**: group of ${group.members.length} member${group.members.length === 1 ? '' : 's'} in the workspace.`,
    '',
    '| member | public address | priority | participates |',
    '|---|---|---|---|',
    ...rows,
    '',
    director,
    ...tail,
  ].join('\n');
}

function interfaceCell(scope: HoverScope, name: string | undefined): string {
  if (!name) return 'not set';
  const intf = findInterfaces(scope.ws, scope.uri, scope.analysis, name)[0]?.intf;
  if (!intf) return `${mdCode(name)} (no such interface)`;
  const address = intf.ipv4
    ? intf.ipv4.prefix !== null
      ? `${intf.ipv4.address.value}/${intf.ipv4.prefix}`
      : intf.ipv4.address.value
    : 'no IPv4 address';
  return `${mdCode(name)} (${mdText(intf.hwid)}, ${address})`;
}

/** Hover of the `vpn load-balancing` header: this device's settings and its role in the group. */
export function headerHover(scope: HoverScope): string {
  const lb = scope.analysis.device.lb;
  const info = groupInfo(scope.ws, scope.uri);
  const hostname = mdText(
    scope.analysis.device.hostname?.value ?? scope.analysis.device.promptHostname ?? fileName(scope.uri),
  );
  let lead: string;
  if (info.inGroup) {
    const { group } = info;
    const count = `${group.members.length} member${group.members.length === 1 ? '' : 's'}`;
    const director = group.predictedDirector
      ? `predicted director ${mdText(group.predictedDirector)} (${mdText(group.electionReason ?? '')})`
      : 'no predicted director: no member participates';
    lead = `**vpn load-balancing** on ${hostname}: this device is ${info.role === 'member' ? 'a member' : info.role === 'predicted director' ? 'the predicted director' : info.role === 'split off' ? 'split off the group (see group-setting-mismatch)' : 'in the group but not participating'}.\n\nGroup ${group.clusterIp}: ${count}; ${director}.`;
  } else {
    lead = `**vpn load-balancing** on ${hostname}: in no group (${mdText(info.reason)}).`;
  }
  if (!lb) return lead;
  const key = lb.key ? KEY_FORMS[lb.key.value.form].name : 'not set';
  const rows = [
    ['public interface', interfaceCell(scope, lb.lbpublic?.value)],
    ['private interface', interfaceCell(scope, lb.lbprivate?.value)],
    [
      'virtual address',
      lb.clusterIp ? [lb.clusterIp.value.ipv4, lb.clusterIp.value.ipv6].filter(Boolean).join(', ') : 'not set',
    ],
    ['priority', lb.priority ? `${lb.priority.value}` : `${DEFAULT_PRIORITY} (assumed: not set)`],
    ['cluster port', lb.port ? `${lb.port.value}` : `${DEFAULT_CLUSTER_PORT} (default)`],
    ['encryption', lb.encryption ? 'on' : 'off'],
    ['cluster key', key],
    ['redirect-fqdn', lb.redirectFqdn ? (lb.redirectFqdn.value ? 'enable' : 'disable') : 'disable (default)'],
    ['participates', lb.participate ? 'yes' : 'no: nothing in the block takes effect yet'],
  ];
  return [lead, '', '| setting | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
