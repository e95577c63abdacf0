// Checks client/language-configuration.json: comments, folding, a word pattern that keeps addresses and interface ids whole, indentation rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  folding: { offSide?: boolean; markers?: { start: string; end: string } };
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
}

const config = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../client/language-configuration.json', import.meta.url)), 'utf8'),
) as LanguageConfiguration;

test('comments and brackets', () => {
  assert.equal(config.comments.lineComment, '!');
  assert.deepEqual(
    config.brackets.map((b) => b.join('')),
    ['()', '[]', '{}'],
  );
});

test('folding follows indentation, with ! region markers', () => {
  assert.equal(config.folding.offSide, true);
  assert.ok(config.folding.markers);
  assert.match('! region load balancing', new RegExp(config.folding.markers.start));
  assert.match('! endregion', new RegExp(config.folding.markers.end));
});

test('the word pattern keeps addresses, interface ids and hyphenated words whole', () => {
  // VS Code compiles the word pattern with the "u" flag and scans the line with it.
  const pattern = new RegExp(config.wordPattern, 'gu');
  const words = (line: string): string[] => line.match(pattern) ?? [];
  const cases: [string, string[]][] = [
    [' ip address 209.165.202.129 255.255.255.224', ['ip', 'address', '209.165.202.129', '255.255.255.224']],
    [' ipv6 address 2001:db8:0000:4200::12/64', ['ipv6', 'address', '2001:db8:0000:4200::12/64']],
    ['ipv6 route WAN 2001:db8:0000:4200::/56 fe80::1', ['ipv6', 'route', 'WAN', '2001:db8:0000:4200::/56', 'fe80::1']],
    ['ip local pool P 10.0.0.0/24', ['ip', 'local', 'pool', 'P', '10.0.0.0/24']],
    ['interface GigabitEthernet0/1', ['interface', 'GigabitEthernet0/1']],
    ['interface TenGigabitEthernet1/0/1', ['interface', 'TenGigabitEthernet1/0/1']],
    ['interface Redundant1.100', ['interface', 'Redundant1.100']],
    ['interface Port-channel1', ['interface', 'Port-channel1']],
    ['vpn load-balancing ', ['vpn', 'load-balancing']],
    [' redirect-fqdn enable', ['redirect-fqdn', 'enable']],
    [' cluster key *****', ['cluster', 'key', '*****']],
    ['nat (inside,outside) source', ['nat', 'inside', 'outside', 'source']],
    ['timeout conn 1:00:00', ['timeout', 'conn', '1:00:00']],
    ['! end.', ['end']],
  ];
  for (const [line, expected] of cases) assert.deepEqual(words(line), expected, line);
  assert.equal(pattern.test(''), false, 'the word pattern must not match the empty string');
});

test('indentation rules indent after sub-mode headers and not after their sub-commands', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  for (const line of [
    'interface GigabitEthernet0/1',
    'vpn load-balancing',
    'vpn load-balancing ',
    'tunnel-group AnyConnect webvpn-attributes',
    'object network WEB',
    'dns server-group DefaultDNS',
    'policy-map global_policy',
    ' class inspection_default',
  ]) {
    assert.match(line, increase, line);
  }
  for (const line of [
    ' interface lbpublic outside',
    ' participate',
    'tunnel-group AnyConnect type remote-access',
    'hostname asa1',
    'interface',
  ]) {
    assert.doesNotMatch(line, increase, line);
  }
  assert.match('!', decrease);
  assert.match(' exit', decrease);
  assert.doesNotMatch(' nameif inside', decrease);
});
