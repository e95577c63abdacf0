// Distinctive cluster keys, in every form a config can hold them, never appear in any CLI output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from '../support/bundles';

const cli = bundle('cli');
const KEYS = ['PlantedClearKey7Q', 'PlantedOtherKey9Z', 'UGxhbnRlZEVuY3J5cHRlZA==', 'UGxhbnRlZE90aGVyRW5j'];

function member(host: string, address: string, keyLine: string, extra = ''): string {
  return `hostname ${host}
interface GigabitEthernet0/0
 nameif outside
 ip address ${address} 255.255.255.0
interface GigabitEthernet0/1
 nameif inside
 ip address 10.0.0.${address.split('.')[3]} 255.255.255.0
crypto ikev1 enable inside
vpn load-balancing
 interface lbpublic outside
 interface lbprivate inside
 cluster ip address 192.0.2.100
${keyLine}
 cluster encryption
 participate
${extra}`;
}

test('no output format of check ever contains a cluster key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-secrets-'));
  writeFileSync(join(dir, 'a.cfg'), member('a', '192.0.2.1', ` cluster key ${KEYS[0]}`));
  writeFileSync(join(dir, 'b.cfg'), member('b', '192.0.2.2', ` cluster key ${KEYS[1]}`));
  writeFileSync(join(dir, 'c.cfg'), member('c', '192.0.2.3', ` cluster key 8 ${KEYS[2]}`));
  writeFileSync(join(dir, 'd.cfg'), member('d', '192.0.2.4', ` cluster key 8 ${KEYS[3]}`));
  writeFileSync(join(dir, 'e.cfg'), member('e', '192.0.2.5', ' cluster key *****'));
  // Broken key lines: extra words after the key, and a key where the '8' form lacks its value.
  writeFileSync(join(dir, 'f.cfg'), member('f', '192.0.2.6', ` cluster key ${KEYS[0]} ${KEYS[1]}`));
  writeFileSync(
    join(dir, 'g.txt'),
    `g(config)# vpn load-balancing\ng(config-load-balancing)# cluster encryption\ng(config-load-balancing)# cluster key ${KEYS[0]}\n`,
  );
  let sawDiagnostics = false;
  for (const format of ['text', 'json', 'sarif', 'codequality']) {
    const result = spawnSync(process.execPath, [cli, 'check', '--format', format, dir], { encoding: 'utf8' });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    sawDiagnostics ||= /group-setting-mismatch|cluster-key-unverifiable|plaintext-cluster-key/.test(result.stdout);
    for (const key of KEYS) {
      assert.ok(!result.stdout.includes(key), `${format} output contains a key`);
      assert.ok(!result.stderr.includes(key), `${format} error output contains a key`);
    }
  }
  assert.ok(sawDiagnostics, 'the scenario must produce key-related diagnostics, or this test proves nothing');
});

test('a secret behind a misspelled or unknown keyword is never quoted, in any format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-secrets-'));
  const typos = [
    ' cluster kye TypoSecretKye1',
    ' cluster-key TypoSecretDash2',
    ' clster key TypoSecretClster3',
    ' key TypoSecretBare4',
    ' cluster password TypoSecretPass5',
    ' pre-shared-key TypoSecretPsk6',
    ' snmp community TypoSecretComm7',
    ' cluster ky TypoSecretKy8',
  ];
  const secrets = typos.map((line) => line.split(' ').pop()!);
  writeFileSync(join(dir, 'a.cfg'), member('a', '192.0.2.1', typos.join('\n')));
  const unknown = typos.length;
  for (const format of ['text', 'json', 'sarif']) {
    const result = spawnSync(process.execPath, [cli, 'check', '--format', format, dir], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout.match(/unknown-lb-command/g)!.length >= unknown, true, 'every typo line is reported');
    for (const secret of secrets)
      assert.ok(
        !result.stdout.includes(secret) && !result.stderr.includes(secret),
        `${format} output contains ${secret}`,
      );
  }
  // The start of the line is still quoted, so the message says which line it is.
  const text = spawnSync(process.execPath, [cli, 'check', dir], { encoding: 'utf8' }).stdout;
  assert.match(text, /'cluster kye …' is not a load-balancing command; did you mean 'cluster key'\?/);
  assert.match(text, /'cluster-key …' is not a load-balancing command/);
});
