// Keywords abbreviated as engineers type them (`clu ip add`, `prio 5`): the device accepts any prefix unique in the
// mode, so the product reads them as the commands they stand for instead of reporting them as unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { expandKeywords } from '../../server/src/core/syntax/abbreviations';

const transcript = [
  'asa1# conf t',
  'asa1(config)# int g0/0',
  'asa1(config-if)# nameif outside',
  'asa1(config-if)# ip address 192.0.2.11 255.255.255.0',
  'asa1(config-if)# exit',
  'asa1(config)# vpn load-bal',
  'asa1(config-load-balancing)# clu ip add 192.0.2.100',
  'asa1(config-load-balancing)# prio 7',
  'asa1(config-load-balancing)# int lbpub outside',
  'asa1(config-load-balancing)# clu po 9024',
  'asa1(config-load-balancing)# part',
  'asa1(config-load-balancing)# exi',
  '',
].join('\n');

test('a session typed with abbreviations is read as the full commands', () => {
  const analysis = analyzeDocument('session.txt', transcript);
  const ids = analysis.tree.lines.map((l) => l.parse?.command?.id ?? null);
  assert.deepEqual(ids.slice(1, 12), [
    'interface',
    'nameif',
    'ip-address',
    'exit',
    'vpn-load-balancing',
    'cluster-ip-address',
    'priority',
    'interface-lbpublic',
    'cluster-port',
    'participate',
    'exit',
  ]);
  const lb = analysis.device.lb!;
  assert.equal(lb.clusterIp?.value.ipv4, '192.0.2.100');
  assert.equal(lb.priority?.value, 7);
  assert.equal(lb.port?.value, 9024);
  assert.equal(lb.lbpublic?.value, 'outside');
  assert.ok(lb.participate);
  assert.deepEqual(
    analysis.diagnostics.filter((d) => d.code === 'unknown-lb-command'),
    [],
  );
});

test('an ambiguous abbreviation is still reported, as the device rejects it', () => {
  const analysis = analyzeDocument(
    'session.txt',
    'asa1(config)# vpn load-balancing\nasa1(config-load-balancing)# p 7\n',
  );
  assert.deepEqual(
    analysis.diagnostics.filter((d) => d.code === 'unknown-lb-command').map((d) => d.range.start.line),
    [1],
  );
});

test('in a configuration file, an abbreviated line of the load-balancing block counts too; elsewhere nothing changes', () => {
  const config = [
    'vpn load-balancing',
    ' prio 4',
    ' clu ip add 192.0.2.100',
    'policy-map global_policy',
    ' class inspection_default',
    '  pri',
    '',
  ].join('\n');
  const analysis = analyzeDocument('a.cfg', config);
  assert.equal(analysis.device.lb?.priority?.value, 4);
  assert.equal(analysis.device.lb?.clusterIp?.value.ipv4, '192.0.2.100');
  assert.deepEqual(
    analysis.diagnostics.filter((d) => d.code === 'unknown-lb-command'),
    [],
  );
  assert.equal(analysis.tree.lines[5]!.parse, null, 'a line outside the block is not expanded');
  assert.equal(analysis.tree.lines[5]!.keyword, 'pri');
});

test('expansion follows the keyword paths of the mode', () => {
  assert.deepEqual(expandKeywords('lb', ['clu', 'ip', 'add', '192.0.2.1']), ['cluster', 'ip', 'address']);
  assert.deepEqual(expandKeywords('lb', ['no', 'pa']), ['participate']);
  assert.deepEqual(expandKeywords('lb', ['int', 'lbp', 'x']), ['interface'], 'lbp is lbpublic or lbprivate');
  assert.deepEqual(expandKeywords('config', ['vpn', 'load']), ['vpn', 'load-balancing']);
  assert.deepEqual(expandKeywords('config', ['vpn', 'lo']), ['vpn'], 'too short a prefix in the global mode');
  assert.deepEqual(expandKeywords('config', ['in', 'g0/0']), [], 'in is more than interface in the global mode');
});
