// A change script for a device that spells IKEv1 `crypto isakmp enable` (before ASA 8.4) is told about, and fixed
// with, that spelling: the message names the script's own line and the fix inserts the command the device knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyze';

const base82 = [
  'ASA Version 8.2(5)',
  'hostname asa82',
  'interface Ethernet0/0',
  ' nameif outside',
  ' ip address 203.0.113.2 255.255.255.0',
  'interface Ethernet0/1',
  ' nameif inside',
  ' ip address 10.0.0.10 255.255.255.0',
  '',
].join('\n');

function ikev1Diagnostics(script: string, base?: string) {
  const baseAnalysis = base === undefined ? undefined : analyzeDocument('file:///asa82.cfg', base);
  const analysis = analyzeDocument('file:///asa82-change.txt', script, {
    base: baseAnalysis?.device ?? null,
    baseUri: baseAnalysis ? 'file:///asa82.cfg' : undefined,
  });
  return analysis.diagnostics.filter((d) => d.code === 'encryption-without-ikev1');
}

test("a script whose 'crypto isakmp enable' comes too late: the message quotes it and the fix writes it before the block", () => {
  const script = [
    'asa82(config)# vpn load-balancing',
    'asa82(config-load-balancing)# interface lbprivate inside',
    'asa82(config-load-balancing)# cluster key 8 Zm9vYmFy',
    'asa82(config-load-balancing)# cluster encryption',
    'asa82(config-load-balancing)# exit',
    'asa82(config)# crypto isakmp enable inside',
    '',
  ].join('\n');
  const [diagnostic, ...rest] = ikev1Diagnostics(script);
  assert.equal(rest.length, 0);
  assert.equal(diagnostic!.range.start.line, 3);
  assert.match(diagnostic!.message, /'crypto isakmp enable inside' only comes later, on line 6/);
  assert.deepEqual(
    diagnostic!.fixes.map((f) => f.title),
    ["Insert 'crypto isakmp enable inside' before the load-balancing commands"],
  );
  assert.equal(diagnostic!.fixes[0]!.edits[0]!.range.start.line, 0);
  assert.equal(diagnostic!.fixes[0]!.edits[0]!.newText, 'asa82(config)# crypto isakmp enable inside\n');
});

test('a script without any IKEv1 line on an ASA 8.2 configuration: the fix writes the spelling of that version', () => {
  const script = [
    'asa82(config)# vpn load-balancing',
    'asa82(config-load-balancing)# interface lbpublic outside',
    'asa82(config-load-balancing)# interface lbprivate inside',
    'asa82(config-load-balancing)# cluster key 8 Zm9vYmFy',
    'asa82(config-load-balancing)# cluster encryption',
    '',
  ].join('\n');
  const [diagnostic, ...rest] = ikev1Diagnostics(script, base82);
  assert.equal(rest.length, 0);
  assert.equal(diagnostic!.range.start.line, 4);
  assert.deepEqual(
    diagnostic!.fixes.map((f) => f.title),
    ["Insert 'crypto isakmp enable inside' before the load-balancing commands"],
  );
});
