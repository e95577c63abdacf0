// Real configs from public repositories must parse silently: no error a network engineer would call wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/core/analyze';
import { treeText } from '../../server/src/core/syntax/tree';
import { describe } from '../support/fixtures';

const dir = join(import.meta.dirname, '..', 'fixtures', 'corpus');

// The one public load-balancing block is a 10-line parser test: it really is incomplete (no interfaces, encryption
// without a key). The missing interfaces are warnings: the chapter's own running-config shows `participate` without them.
const EXPECTED: Record<string, string[]> = {
  'batfish-cisco_vpn-lb.cfg': [
    '5:1 warning redirect-fqdn-without-dns',
    '8:1 error encryption-without-key',
    '9:1 warning lb-interface-missing',
    '9:1 warning lb-interface-missing',
  ],
};

for (const name of readdirSync(dir)
  .filter((f) => f !== 'NOTICE')
  .sort()) {
  test(`corpus ${name}: parses losslessly with only the diagnostics an engineer would agree with`, () => {
    const text = readFileSync(join(dir, name), 'utf8');
    const analysis = analyzeDocument(name, text);
    assert.equal(treeText(analysis.tree), text);
    assert.deepEqual(analysis.diagnostics.map(describe), EXPECTED[name] ?? []);
  });
}

test('corpus: the unindented capture still attaches nameif and addresses to their interfaces', () => {
  const text = readFileSync(join(dir, 'pyntc-asa9.0-show_running_config-unindented.cfg'), 'utf8');
  const { device } = analyzeDocument('pyntc', text);
  const inside = device.interfaces.find((i) => i.nameif?.value === 'inside');
  assert.equal(inside?.ipv4?.address.value, '10.1.1.3');
  assert.equal(inside?.ipv4?.prefix, 23);
  assert.equal(device.hostname?.value, 'example1');
});

test('corpus: two-space indentation and standby addresses are read', () => {
  const text = readFileSync(join(dir, 'batfish-asa-interface.cfg'), 'utf8');
  const { device } = analyzeDocument('intf', text);
  assert.equal(device.interfaces[0]?.nameif?.value, 'ifname');
  assert.equal(device.interfaces[0]?.ipv4?.standby?.value, '3.0.0.3');
});

test('corpus: IPv6 written with uncompressed zero groups is read by value', () => {
  const text = readFileSync(join(dir, 'oxidized-asa5512-9.12-output.cfg'), 'utf8');
  const { device } = analyzeDocument('oxidized', text);
  const v6 = device.interfaces.flatMap((i) => i.ipv6.map((a) => a.address.value));
  assert.ok(v6.includes('2001:db8:0000:4200::12'), v6.join(','));
});
