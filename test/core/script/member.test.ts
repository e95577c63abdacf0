// New Load-Balancing Group's offer for a member already in the workspace: the target is the device's own
// configuration with the generated member's load-balancing parts put in, so its script adds the group and removes
// nothing else the device has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateGroup, type GeneratedConfig } from '../../../client/src/authoring/generate-group';
import { analyzeDocument } from '../../../server/src/core/analyze';
import { changeScript } from '../../../server/src/core/script/generate';
import { memberTarget } from '../../../server/src/core/script/member';
import { renderText, renderTranscript } from '../../../server/src/core/script/render';
import { replayScript } from '../../../server/src/core/script/replay';
import { lbSettings } from '../../../server/src/core/script/settings';
import { buildTree } from '../../../server/src/core/syntax/tree';

/** dc-vpn-1 of the example group before it had load balancing, renamed vpn-1: a device of the workspace. */
function existingDevice(): string {
  const member = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'dc-vpn-1.cfg'), 'utf8').replace(
    'hostname dc-vpn-1',
    'hostname vpn-1',
  );
  const start = member.indexOf('vpn load-balancing');
  return (member.slice(0, start) + member.slice(member.indexOf('!', start))).replace(
    'crypto ikev1 enable inside\n',
    '',
  );
}

/** New Group's configuration for a group of one member at 209.165.202.130, encrypted, its key left out. */
function oneMember(vip: string, hostname: string, priority: number): GeneratedConfig | undefined {
  return generateGroup({
    vip,
    vipv6: null,
    port: 9023,
    encryption: true,
    key: { kind: 'placeholder' },
    publicInterface: { hardware: 'GigabitEthernet0/0', nameif: 'outside' },
    privateInterface: { hardware: 'GigabitEthernet0/1', nameif: 'inside' },
    members: [
      {
        hostname,
        public: { address: '209.165.202.130', prefix: 27 },
        publicV6: null,
        private: { address: '10.20.0.11', prefix: 24 },
        priority,
      },
    ],
  })[0];
}

test('the change script that makes an existing device a member of a new group adds the group and removes nothing', () => {
  const config = oneMember('209.165.202.140', 'vpn-1', 9);
  const existing = existingDevice();
  const target = memberTarget(existing, config!.text);
  const base = analyzeDocument('vpn-1.cfg', existing);
  const after = analyzeDocument('vpn-1 (member).cfg', target);
  // The generated file leaves the key for the engineer to type: its one error says so, at 'cluster encryption'.
  assert.deepEqual(
    after.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
    ['encryption-without-key'],
  );
  const script = changeScript(base, after);
  const text = renderText(script, 'vpn-1.cfg', 'the group member');
  const commands = script.steps.map((s) => s.command);
  assert.ok(!commands.some((c) => c.startsWith('no ')), `nothing is removed:\n${text}`);
  assert.deepEqual(
    commands.filter((c) => !c.startsWith('!')),
    [
      'configure terminal',
      'crypto ikev1 enable inside',
      'vpn load-balancing',
      'interface lbpublic outside',
      'interface lbprivate inside',
      'priority 9',
      'cluster ip address 209.165.202.140',
      'cluster encryption',
      'participate',
      'exit',
      'write memory',
    ],
  );
  // The device keeps what the generated file does not say: pools, group-urls, IKEv2, DNS.
  assert.ok(
    target.includes('ip local pool VPN-POOL-1') &&
      target.includes('group-url https://209.165.202.130/staff enable') &&
      target.includes('crypto ikev2 enable outside'),
  );
  const replay = replayScript(buildTree(renderTranscript(script, 'vpn-1.cfg', 'member')), base.device);
  assert.deepEqual(replay.problems, []);
  // The key the generated file leaves out is the one line typed by hand, where the script says, before encryption.
  assert.ok(
    commands.indexOf(
      "! Type here: cluster key <the group's shared secret>  (the encrypted form another member shows works too; asa-lb never prints a key)",
    ) ===
      commands.indexOf('cluster encryption') - 1,
    text,
  );
  assert.deepEqual(lbSettings(replay.device), {
    ...lbSettings(analyzeDocument('generated.asa', config!.text).device),
    key: true,
  });
});

test('a device that already has a key and encryption keeps its key when it joins a group whose key is left out: the script says where to type the group key and removes nothing', () => {
  const existing = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'dc-vpn-1.cfg'), 'utf8');
  const config = oneMember('209.165.202.150', 'dc-vpn-1', 10);
  const base = analyzeDocument('dc-vpn-1.cfg', existing);
  assert.ok(base.device.lb?.key && base.device.lb.encryption, 'the example member has a key and encryption');
  const script = changeScript(base, analyzeDocument('dc-vpn-1 (member).cfg', memberTarget(existing, config!.text)));
  const commands = script.steps.map((s) => s.command);
  const text = renderText(script, 'dc-vpn-1.cfg', 'the group member');
  assert.ok(!commands.some((c) => c.startsWith('no ')), `nothing is removed:\n${text}`);
  assert.ok(
    commands.some((c) => c.startsWith('! Type here: cluster key')),
    `the group key is typed by hand:\n${text}`,
  );
  const replay = replayScript(buildTree(renderTranscript(script, 'dc-vpn-1.cfg', 'member')), base.device);
  assert.deepEqual(replay.problems, []);
  assert.equal(lbSettings(replay.device).clusterIp?.trim(), '209.165.202.150');
});
