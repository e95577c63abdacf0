// groupInfo and codeLens: the group of a document as the preview and the code lens show it — members in address
// order with unique names, session limits, the predicted director and why, the document's role — or why it is in none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLens, groupInfo } from '../../../server/src/core/features/index';
import { Workspace } from '../../../server/src/core/workspace';

interface DeviceOptions {
  hostname?: string | null;
  publicIp: string;
  priority?: number;
  vip?: string | null;
  vip6?: string;
  participate?: boolean;
  port?: number;
  encryption?: boolean;
  limits?: { ipsec?: number; ssl?: number };
}

/** A member's config, written as an engineer would: only the lines the options call for. */
function device(o: DeviceOptions): string {
  const lines: string[] = [];
  if (o.hostname !== null) lines.push(`hostname ${o.hostname ?? 'asa'}`);
  lines.push(
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ` ip address ${o.publicIp} 255.255.255.0`,
  );
  lines.push(
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ' ip address 10.99.0.1 255.255.255.0',
  );
  if (o.encryption) lines.push('crypto ikev1 enable inside');
  if (o.limits?.ipsec !== undefined) lines.push(`vpn-sessiondb max-other-vpn-limit ${o.limits.ipsec}`);
  if (o.limits?.ssl !== undefined)
    lines.push(`vpn-sessiondb max-anyconnect-premium-or-essentials-limit ${o.limits.ssl}`);
  lines.push('vpn load-balancing', ' interface lbpublic outside', ' interface lbprivate inside');
  if (o.priority !== undefined) lines.push(` priority ${o.priority}`);
  if (o.vip !== null) lines.push(` cluster ip address ${o.vip ?? '10.0.0.100'}${o.vip6 ? ` ${o.vip6}` : ''}`);
  if (o.port !== undefined) lines.push(` cluster port ${o.port}`);
  if (o.encryption) lines.push(' cluster key 8 c2VjcmV0LWtleQ==', ' cluster encryption');
  if (o.participate !== false) lines.push(' participate');
  return lines.join('\n') + '\n';
}

function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace();
  for (const [uri, text] of Object.entries(files)) ws.set(uri, text);
  return ws;
}

test('a group lists its members in ascending public-address order, with limits and the director by priority', () => {
  const ws = workspace({
    'file:///lab/c.cfg': device({ hostname: 'asa3', publicIp: '10.0.0.19', limits: { ipsec: 250, ssl: 500 } }),
    'file:///lab/a.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.9', priority: 7 }),
    'file:///lab/b.cfg': device({
      hostname: 'asa2',
      publicIp: '10.0.0.10',
      priority: 9,
      port: 9024,
      encryption: true,
      vip6: '2001:db8::100',
    }),
  });
  const info = groupInfo(ws, 'file:///lab/c.cfg');
  assert.ok(info.inGroup);
  assert.equal(info.self, 'asa3');
  assert.equal(info.role, 'member');
  assert.deepEqual(
    info.group.members.map((m) => [m.name, m.publicIp, m.priority, m.priorityConfigured, m.participates]),
    [
      ['asa1', '10.0.0.9', 7, true, true],
      ['asa2', '10.0.0.10', 9, true, true],
      ['asa3', '10.0.0.19', 5, false, true],
    ],
  );
  assert.deepEqual(info.group.members[2]!.limits, { ipsec: 250, ssl: 500 });
  assert.deepEqual(info.group.members[0]!.limits, { ipsec: null, ssl: null });
  assert.equal(info.group.clusterIp, '10.0.0.100');
  // asa2 has the highest priority, but its port and encryption split it off: the others elect among themselves.
  assert.equal(info.group.predictedDirector, 'asa1');
  assert.equal(info.group.electionReason, 'priority 7, the highest');
  // Group-wide settings are the predicted director's.
  assert.equal(info.group.port, 9023);
  assert.equal(info.group.encryption, false);
  assert.equal(info.group.clusterIpv6, null);
  const split = groupInfo(ws, 'file:///lab/b.cfg');
  assert.ok(split.inGroup);
  assert.equal(split.role, 'split off');
  assert.deepEqual(
    split.group.members.map((m) => m.split.length),
    [0, 2, 0],
  );
  const director = groupInfo(ws, 'file:///lab/a.cfg');
  assert.ok(director.inGroup);
  assert.equal(director.role, 'predicted director');
});

test("a member on another cluster port splits off: named with the diagnostic's words, out of the election, and the lens and role say so", () => {
  const ws = workspace({
    'file:///lab/asa-a.cfg': device({ hostname: 'asa-a', publicIp: '10.0.0.9', priority: 5 }),
    'file:///lab/asa-b.cfg': device({ hostname: 'asa-b', publicIp: '10.0.0.10', priority: 7, port: 9023 }),
    'file:///lab/asa-c.cfg': device({ hostname: 'asa-c', publicIp: '10.0.0.11', priority: 9, port: 4444 }),
  });
  const info = groupInfo(ws, 'file:///lab/asa-c.cfg');
  assert.ok(info.inGroup);
  assert.equal(info.role, 'split off');
  const words = 'uses port 4444, but 2 of 3 members use port 9023';
  assert.deepEqual(
    info.group.members.map((m) => [m.name, m.split]),
    [
      ['asa-a', []],
      ['asa-b', []],
      ['asa-c', [words]],
    ],
  );
  // The Problems panel says the same of asa-c.
  const problem = ws.diagnostics('file:///lab/asa-c.cfg')!.find((d) => d.code === 'group-setting-mismatch')!;
  assert.match(problem.message, /This member uses cluster port 4444, but 2 of 3 members use port 9023\./);
  // asa-c has the highest priority, yet cannot talk to the others: asa-b is their director, on their port.
  assert.equal(info.group.predictedDirector, 'asa-b');
  assert.equal(info.group.electionReason, 'priority 7, the highest');
  assert.equal(info.group.port, 9023);
  assert.equal(ws.groupOf('file:///lab/asa-c.cfg')!.predictedDirector, 'file:///lab/asa-b.cfg');
  assert.deepEqual(
    ['asa-a', 'asa-b', 'asa-c'].map((h) => codeLens(ws, `file:///lab/${h}.cfg`)[0]!.title),
    [
      'Group 10.0.0.100 · 3 members (1 split off) · director: asa-b (predicted) · this device: member',
      'Group 10.0.0.100 · 3 members (1 split off) · director: asa-b (predicted) · this device: predicted director',
      `Group 10.0.0.100 · 3 members (1 split off) · director: asa-b (predicted) · this device: split off: it ${words}`,
    ],
  );
});

test('members whose readable keys differ split off; a group that agrees has no split', () => {
  const key = (text: string, k: string): string => text.replace(' cluster key 8 c2VjcmV0LWtleQ==', ` cluster key ${k}`);
  const ws = workspace({
    'a.cfg': key(device({ hostname: 'asa1', publicIp: '10.0.0.9', priority: 9, encryption: true }), 'Other-Secret1'),
    'b.cfg': key(device({ hostname: 'asa2', publicIp: '10.0.0.10', priority: 7, encryption: true }), 'Group-Secret1'),
    'c.cfg': key(device({ hostname: 'asa3', publicIp: '10.0.0.11', priority: 5, encryption: true }), 'Group-Secret1'),
  });
  const info = groupInfo(ws, 'a.cfg');
  assert.ok(info.inGroup);
  assert.deepEqual(info.group.members[0]!.split, [
    'has a cluster key that differs from the key that 2 of 3 members with a clear-text key share (asa2 and asa3)',
  ]);
  assert.ok(!JSON.stringify(info).includes('Secret1'), 'no key in the group information');
  assert.equal(info.group.predictedDirector, 'asa2');
  const agreeing = workspace({
    'a.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.9' }),
    'b.cfg': device({ hostname: 'asa2', publicIp: '10.0.0.10' }),
  });
  const plain = groupInfo(agreeing, 'a.cfg');
  assert.ok(plain.inGroup);
  assert.ok(plain.group.members.every((m) => m.split.length === 0));
});

test('a priority tie names the tied members and the lowest address, compared as numbers', () => {
  const ws = workspace({
    'a.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.19', priority: 7 }),
    'b.cfg': device({ hostname: 'asa2', publicIp: '10.0.0.9', priority: 7 }),
    'c.cfg': device({ hostname: 'asa3', publicIp: '10.0.0.5', priority: 3 }),
  });
  const info = groupInfo(ws, 'a.cfg');
  assert.ok(info.inGroup);
  assert.equal(info.group.predictedDirector, 'asa2');
  assert.equal(
    info.group.electionReason,
    'priority 7 is shared by asa2 and asa1; the lowest public address, 10.0.0.9, wins, the product\'s reading of the chapter\'s "the lower IP address"',
  );
});

test('the election counts only participating members; a group with none has no director', () => {
  const ws = workspace({
    'a.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.1', priority: 10, participate: false }),
    'b.cfg': device({ hostname: 'asa2', publicIp: '10.0.0.2' }),
  });
  const info = groupInfo(ws, 'a.cfg');
  assert.ok(info.inGroup);
  assert.equal(info.role, 'not participating');
  assert.equal(info.group.predictedDirector, 'asa2');
  assert.equal(
    info.group.electionReason,
    'the only participating member, priority 5; 5 is assumed, as no priority is configured',
  );

  const none = workspace({ 'a.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.1', participate: false }) });
  const alone = groupInfo(none, 'a.cfg');
  assert.ok(alone.inGroup);
  assert.equal(alone.group.predictedDirector, null);
  assert.equal(alone.group.electionReason, null);
});

test('member names are unique: a shared hostname gets the file name, a missing one is the file name', () => {
  const ws = workspace({
    'file:///lab/asa1.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.1' }),
    'file:///lab/old/asa1-old.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.2' }),
    'file:///lab/no%20name.cfg': device({ hostname: null, publicIp: '10.0.0.3' }),
  });
  const info = groupInfo(ws, 'file:///lab/no%20name.cfg');
  assert.ok(info.inGroup);
  assert.deepEqual(
    info.group.members.map((m) => m.name),
    ['asa1', 'asa1 (asa1-old.cfg)', 'no name.cfg'],
  );
  assert.equal(info.self, 'no name.cfg');
  assert.equal(info.group.members[2]!.hostname, null);
});

const REASONS: [string, string, string][] = [
  [
    'a config without the block',
    'hostname asa1\ninterface GigabitEthernet0/0\n nameif outside\n',
    "no 'vpn load-balancing' block",
  ],
  [
    'a misspelled block header',
    'hostname asa1\nvpn load-balancing9\n cluster ip address 192.0.2.100\n participate\n',
    "its 'vpn load-balancing' line is misspelled (line 2)",
  ],
  [
    'a block without a virtual address',
    'hostname asa1\nvpn load-balancing\n priority 5\n participate\n',
    "the block has no 'cluster ip address'",
  ],
  [
    'an IPv6-only virtual address',
    'hostname asa1\nvpn load-balancing\n cluster ip address 2001:db8::1\n',
    "the block's 'cluster ip address' has no valid IPv4 address",
  ],
  ['prose', 'Meeting notes\nWe discussed the firewall.\n', 'not an ASA config'],
  ['an empty file', '', 'not an ASA config'],
  ['binary content', '\u0000\u0001\u0002ELF\u0000\u0000', 'not an ASA config'],
];

for (const [what, text, reason] of REASONS) {
  test(`a document in no group says why: ${what}`, () => {
    const ws = workspace({ 'x.cfg': text });
    assert.deepEqual(groupInfo(ws, 'x.cfg'), { inGroup: false, reason });
  });
}

test('an unknown document is in no group, without an exception', () => {
  assert.deepEqual(groupInfo(new Workspace(), 'file:///nowhere.cfg'), {
    inGroup: false,
    reason: 'the document is not in the workspace',
  });
  assert.deepEqual(codeLens(new Workspace(), 'file:///nowhere.cfg'), []);
});

test('the code lens sits on the vpn load-balancing line and summarises the group', () => {
  const ws = workspace({
    'a.cfg': device({ hostname: 'dc-vpn-1', publicIp: '209.165.202.130', priority: 9, vip: '209.165.202.140' }),
    'b.cfg': device({ hostname: 'dc-vpn-2', publicIp: '209.165.202.131', priority: 7, vip: '209.165.202.140' }),
    'c.cfg': device({ hostname: 'dc-vpn-3', publicIp: '209.165.202.132', vip: '209.165.202.140', participate: false }),
    'lonely.cfg': device({ hostname: 'x', publicIp: '192.0.2.1', vip: null }),
    'plain.cfg': 'hostname y\n',
  });
  const lenses = codeLens(ws, 'b.cfg');
  assert.equal(lenses.length, 1);
  assert.equal(
    lenses[0]!.title,
    'Group 209.165.202.140 · 3 members · director: dc-vpn-1 (predicted) · this device: member',
  );
  const header = ws.analysis('b.cfg')!.tree.lines[lenses[0]!.range.start.line]!;
  assert.equal(header.text, 'vpn load-balancing');
  assert.equal(
    codeLens(ws, 'a.cfg')[0]!.title,
    'Group 209.165.202.140 · 3 members · director: dc-vpn-1 (predicted) · this device: predicted director',
  );
  assert.equal(
    codeLens(ws, 'c.cfg')[0]!.title,
    'Group 209.165.202.140 · 3 members · director: dc-vpn-1 (predicted) · this device: not participating',
  );
  assert.deepEqual(
    codeLens(ws, 'lonely.cfg').map((l) => l.title),
    ["Not in a group: the block has no 'cluster ip address'"],
  );
  assert.deepEqual(codeLens(ws, 'plain.cfg'), []);
});

test('a single member says "1 member" and a group without participants says so', () => {
  const ws = workspace({ 'a.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.1', participate: false }) });
  assert.equal(
    codeLens(ws, 'a.cfg')[0]!.title,
    'Group 10.0.0.100 · 1 member · director: none (no member participates) · this device: not participating',
  );
});

test("a change script's member takes its session limits from its device's config when the script sets none", () => {
  const ws = workspace({
    'asa1.cfg': device({ hostname: 'asa1', publicIp: '10.0.0.1', priority: 9 }),
    'asa4.cfg':
      'hostname asa4\ninterface GigabitEthernet0/0\n nameif outside\n ip address 10.0.0.4 255.255.255.0\nvpn-sessiondb max-other-vpn-limit 750\n',
    'add-asa4.txt': [
      'asa4# configure terminal',
      'asa4(config)# vpn load-balancing',
      'asa4(config-load-balancing)# interface lbpublic outside',
      'asa4(config-load-balancing)# cluster ip address 10.0.0.100',
      'asa4(config-load-balancing)# participate',
      '',
    ].join('\n'),
  });
  const info = groupInfo(ws, 'add-asa4.txt');
  assert.ok(info.inGroup, JSON.stringify(info));
  assert.equal(info.self, 'asa4');
  assert.deepEqual(info.group.members.find((m) => m.name === 'asa4')!.limits, { ipsec: 750, ssl: null });
});
