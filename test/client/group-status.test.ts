// What the status bar says for the active file: its group and predicted role, or why it is in no group, and a
// tooltip that lists the members. Config strings never reach the status text, where `$(…)` would become an icon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeGroupStatus } from '../../client/src/group-status';
import type { GroupInfoResult, PreviewGroup } from '../../server/src/protocol';

const GROUP: PreviewGroup = {
  clusterIp: '209.165.202.140',
  clusterIpv6: '2001:db8::140',
  port: 9023,
  encryption: true,
  members: [
    {
      name: 'dc-vpn-1',
      uri: 'file:///a',
      hostname: 'dc-vpn-1',
      publicIp: '209.165.202.130',
      priority: 9,
      priorityConfigured: true,
      participates: true,
      split: [],
      limits: { ipsec: null, ssl: null },
    },
    {
      name: '$(bug) sneaky',
      uri: 'file:///b',
      hostname: '$(bug) sneaky',
      publicIp: null,
      priority: 5,
      priorityConfigured: false,
      participates: false,
      split: [],
      limits: { ipsec: null, ssl: null },
    },
  ],
  predictedDirector: 'dc-vpn-1',
  electionReason: 'priority 9, the highest',
};

const CASES: { name: string; info: GroupInfoResult; text: string; tooltip: RegExp[] }[] = [
  {
    name: 'the predicted director',
    info: { inGroup: true, group: GROUP, self: 'dc-vpn-1', role: 'predicted director' },
    text: '$(server-environment) LB 209.165.202.140 · director (predicted)',
    tooltip: [
      /^VPN load-balancing group 209\.165\.202\.140 \(2001:db8::140\): port 9023, encrypted$/m,
      /^Predicted director: dc-vpn-1 \(priority 9, the highest\)$/m,
      /^ {2}dc-vpn-1 {2}209\.165\.202\.130 {2}priority 9$/m,
    ],
  },
  {
    name: 'a member that does not participate, with a hostile name',
    info: { inGroup: true, group: GROUP, self: '$(bug) sneaky', role: 'not participating' },
    text: '$(server-environment) LB 209.165.202.140 · not participating',
    tooltip: [
      /^This device: \$\(bug\) sneaky, not participating$/m,
      /^ {2}\$\(bug\) sneaky {2}no public address {2}priority 5 \(assumed\) {2}not participating$/m,
      /Click to open the redirect preview\.$/,
    ],
  },
  {
    name: 'a file in no group',
    info: { inGroup: false, reason: 'the vpn load-balancing block has no cluster ip address' },
    text: '$(circle-slash) LB: no group',
    tooltip: [/^Not in a VPN load-balancing group: the vpn load-balancing block has no cluster ip address$/],
  },
];

for (const c of CASES) {
  test(`status bar for ${c.name}`, () => {
    const view = describeGroupStatus(c.info);
    assert.equal(view.text, c.text);
    for (const pattern of c.tooltip) assert.match(view.tooltip, pattern);
  });
}
