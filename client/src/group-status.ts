// What the status bar says about the active file's group: a short text and a plain-text tooltip.
// Pure, so the wording is tested without an editor. Config strings go only into the tooltip, which is plain text,
// and never into the status text, where `$(…)` would be read as an icon.
import type { GroupInfoResult, PreviewGroup } from '../../server/src/protocol';
import { PRODUCT_NAME } from './product';

export interface StatusView {
  text: string;
  tooltip: string;
}

const GROUP_ICON = '$(server-environment)';
const NO_GROUP_ICON = '$(circle-slash)';

export function describeGroupStatus(info: GroupInfoResult): StatusView {
  if (!info.inGroup) {
    return { text: `${NO_GROUP_ICON} LB: no group`, tooltip: `Not in a VPN load-balancing group: ${info.reason}` };
  }
  const { group, self, role } = info;
  const roleText =
    role === 'predicted director' ? 'director (predicted)' : role === 'split off' ? 'split off the group' : role;
  return {
    text: `${GROUP_ICON} LB ${group.clusterIp} · ${roleText}`,
    tooltip: [...groupLines(group, self, role), '', 'Click to open the redirect preview.'].join('\n'),
  };
}

export function waitingStatus(): StatusView {
  return { text: '$(sync~spin) LB', tooltip: `Waiting for the ${PRODUCT_NAME} language server…` };
}

export function failedStatus(): StatusView {
  return {
    text: '$(warning) LB',
    tooltip: `The ${PRODUCT_NAME} language server is not running; see the "${PRODUCT_NAME}" output.`,
  };
}

function groupLines(group: PreviewGroup, self: string, role: string): string[] {
  const settings = [`port ${group.port}`, group.encryption ? 'encrypted' : 'not encrypted'];
  const lines = [
    `VPN load-balancing group ${group.clusterIp}${group.clusterIpv6 ? ` (${group.clusterIpv6})` : ''}: ${settings.join(', ')}`,
    `This device: ${self}, ${role}`,
  ];
  if (group.predictedDirector) {
    lines.push(
      `Predicted director: ${group.predictedDirector}${group.electionReason ? ` (${group.electionReason})` : ''}`,
    );
  } else {
    lines.push('No member participates, so there is no director.');
  }
  lines.push(`${group.members.length} ${group.members.length === 1 ? 'member' : 'members'}:`);
  for (const m of group.members) {
    const priority = m.priorityConfigured ? `priority ${m.priority}` : `priority ${m.priority} (assumed)`;
    lines.push(
      `  ${m.name}  ${m.publicIp ?? 'no public address'}  ${priority}${m.participates ? '' : '  not participating'}${m.split.length > 0 ? '  split off' : ''}`,
    );
  }
  const split = group.members.filter((m) => m.split.length > 0);
  if (split.length > 0) {
    // The same words as the group-setting-mismatch diagnostics in the Problems panel.
    lines.push(
      '',
      'The group splits; members that cannot talk to the director take no part in its election or redirects:',
    );
    for (const m of split) lines.push(`  ${m.name} ${m.split.join(', and ')}.`);
  }
  return lines;
}
