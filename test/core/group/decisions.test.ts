// The readings the group checks take where the vendor's documentation is silent: change scripts in groups, ties the predicted director
// cannot break, and a typo'd virtual address judged once per device however many groups surround it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caretsUnder, memberConfig } from './generate';
import {
  allGroupDiagnostics,
  assertScenario,
  groupDiagnostics,
  scenarioFromTexts,
  workspaceOf,
} from './workspace-fixtures';

const script = (lines: string[]): string =>
  [
    'asa13# configure terminal',
    'asa13(config)# vpn load-balancing',
    ...lines.map((l) => `asa13(config-load-balancing)# ${l}`),
    'asa13(config-load-balancing)# exit',
    '',
  ].join('\n');

test('a change script of an unknown device is compared only on what it sets', () => {
  const configs = {
    'asa11.cfg': memberConfig({ host: 11, priority: 9, lb: [' cluster port 9024'] }),
    'asa12.cfg': memberConfig({ host: 12, priority: 8, lb: [' cluster port 9024'] }),
  };
  // The script does not mention the port: the device keeps whatever it has, which is unknown here.
  const silent = assertScenario(
    scenarioFromTexts('script-silent', {
      ...configs,
      'asa13-change.txt': script(['cluster ip address 192.0.2.100', 'participate']),
    }),
  );
  assert.equal(silent.groups()[0]!.members.length, 3, 'the script is a member of the group');
  // The script sets another port: that line is reported, and the fix sets the group's port.
  const prompt = 'asa13(config-load-balancing)# cluster port 9023';
  const ws = assertScenario(
    scenarioFromTexts('script-port', {
      ...configs,
      'asa13-change.txt': script(['cluster ip address 192.0.2.100', 'cluster port 9023']).replace(
        `${prompt}\n`,
        `${prompt}\n${caretsUnder(prompt, '9023', 'error', 'group-setting-mismatch', '2 of 3 members use port 9024')}\n`,
      ),
    }),
  );
  const [diagnostic] = groupDiagnostics(ws, 'group/script-port/asa13-change.txt');
  assert.deepEqual(
    diagnostic!.fixes[0]!.edits.map((e) => e.newText),
    ['9024'],
  );
});

test('a change script of a device whose config is in the workspace is that device, not a second member', () => {
  const texts = {
    'asa11.cfg': memberConfig({ host: 11, priority: 9 }),
    'asa12.cfg': memberConfig({ host: 12, priority: 8 }),
    // asa11's own change script: same hostname, address and priority, yet neither a duplicate hostname nor a tie.
    'asa11-change.txt': script(['cluster ip address 192.0.2.100', 'priority 9', 'participate']).replaceAll(
      'asa13',
      'asa11',
    ),
  };
  assertScenario(scenarioFromTexts('script-of-member', texts));
  // Alone with its own script, a device is still a group of one.
  const single = assertScenario(
    scenarioFromTexts('script-of-single', {
      'asa11.cfg': memberConfig({
        host: 11,
        priority: 9,
        underVip: [caretsUnder(' cluster ip address 192.0.2.100', '192.0.2.100', 'hint', 'single-member-group')],
      }),
      'asa11-change.txt': texts['asa11-change.txt'],
    }),
  );
  assert.equal(allGroupDiagnostics(single).length, 1);
});

test('a tie the predicted director does not take part in goes to the first elected among the tied values', () => {
  // Ports: 9024 ×2, 9025 ×2, and the director (priority 10) alone on 9023.
  const ports: [number, number, number][] = [
    [11, 10, 9023],
    [12, 9, 9024],
    [13, 8, 9025],
    [14, 7, 9024],
    [15, 6, 9025],
  ];
  const files: Record<string, string> = {};
  for (const [host, priority, port] of ports)
    files[`asa${host}.cfg`] = memberConfig({ host, priority, lb: [` cluster port ${port}`] });
  const ws = workspaceOf(scenarioFromTexts('tie', files).texts);
  const found = allGroupDiagnostics(ws);
  assert.deepEqual(found.map((f) => f.uri.split('/').pop()).sort(), ['asa11.cfg', 'asa13.cfg', 'asa15.cfg']);
  for (const { diagnostic } of found) {
    assert.match(
      diagnostic.message,
      /but asa12, which would be elected first among the members holding the tied values, uses port 9024 \(no value has a majority: 2 use port 9024, 2 use port 9025\)/,
    );
    assert.equal(diagnostic.fixes[0]!.preferred, false);
  }
});

test('a device with a typo is judged once, in its own group, with one fix per group whose address its subnet holds', () => {
  const under = (vip: string, ...expected: [string, string, string?][]): string[] =>
    expected.map(([severity, code, fragment]) =>
      caretsUnder(` cluster ip address ${vip}`, vip, severity, code, fragment),
    );
  const files: Record<string, string> = {
    // A group of two on 192.0.2.0/24.
    'asa11.cfg': memberConfig({ host: 11, priority: 9 }),
    'asa12.cfg': memberConfig({ host: 12, priority: 8 }),
    // Two lone devices on the same network, each a probable typo.
    'asa13.cfg': memberConfig({
      host: 13,
      priority: 9,
      vip: '192.0.2.200',
      underVip: under(
        '192.0.2.200',
        ['warning', 'probable-vip-typo', 'Did you mean 192.0.2.100?'],
        ['hint', 'single-member-group'],
      ),
    }),
    'asa15.cfg': memberConfig({
      host: 15,
      priority: 9,
      vip: '192.0.2.201',
      underVip: under(
        '192.0.2.201',
        ['warning', 'probable-vip-typo', 'Did you mean 192.0.2.100?'],
        ['hint', 'single-member-group'],
      ),
    }),
    // A lone device on another network, so that four group passes run; no other group's address is in its subnet.
    'asa14.cfg': memberConfig({
      host: 14,
      priority: 9,
      vip: '198.51.100.100',
      underVip: under('198.51.100.100', ['hint', 'single-member-group']),
    }).replace('192.0.2.14 255.255.255.0', '198.51.100.14 255.255.255.0'),
  };
  const ws = assertScenario(scenarioFromTexts('typo', files));
  const typo = groupDiagnostics(ws, 'group/typo/asa15.cfg').find((d) => d.code === 'probable-vip-typo')!;
  // The two-member group first (preferred), then the other lone device's address.
  assert.deepEqual(
    typo.fixes.map((f) => [f.edits[0]!.newText, f.preferred]),
    [
      ['192.0.2.100', true],
      ['192.0.2.200', false],
    ],
  );
});

test('priority ties count participating members only', () => {
  const files = {
    'asa11.cfg': memberConfig({ host: 11, priority: 7 }),
    'asa12.cfg': memberConfig({ host: 12, priority: 7, participate: false }),
    'asa13.cfg': memberConfig({ host: 13, priority: 6 }),
  };
  assertScenario(scenarioFromTexts('tie-idle', files));
});
