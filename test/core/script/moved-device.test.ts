// A change script that moves a device to another virtual address is judged with the device after the change: the
// group it leaves is named without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/core/workspace';

function member(n: number): string {
  return [
    `hostname asa${n}`,
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ` ip address 192.0.2.1${n} 255.255.255.0`,
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ` ip address 10.0.0.1${n} 255.255.255.0`,
    'vpn load-balancing',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ' cluster ip address 192.0.2.100',
    ` priority ${n}`,
    ' participate',
    '',
  ].join('\n');
}

test("a script moving asa3 to 192.0.2.101 on the same network is told the group of asa1 and asa2 is there, not asa3's own config", () => {
  const workspace = new Workspace();
  for (const n of [1, 2, 3]) workspace.set(`asa${n}.cfg`, member(n));
  workspace.set(
    'asa3-move.txt',
    'asa3# configure terminal\nasa3(config)# vpn load-balancing\nasa3(config-load-balancing)# cluster ip address 192.0.2.101\nasa3(config-load-balancing)# exit\n',
  );
  const typo = workspace.diagnostics('asa3-move.txt')!.filter((d) => d.code === 'probable-vip-typo');
  assert.equal(
    typo.length,
    1,
    workspace
      .diagnostics('asa3-move.txt')!
      .map((d) => d.code)
      .join(', '),
  );
  assert.match(typo[0]!.message, /the 2 devices asa1 and asa2\b/);
  assert.doesNotMatch(typo[0]!.message, /asa3/);
});
