// Quick fixes that follow the vendor chapter: they write what the file already uses, repair what the user meant
// (a swap, not a deletion), and never offer a command whose arguments the line cannot be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes/edits';

const device = (block: string[], before: string[] = [], header: string[] = []): string =>
  [
    ...header,
    'hostname asa1',
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' ip address 192.168.10.2 255.255.255.0',
    ' ipv6 address 1000::1/64',
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' ip address 10.0.0.10 255.255.255.0',
    ...before,
    'vpn load-balancing',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ...block,
    ' participate',
    '',
  ].join('\n');

const lbDiagnostics = (text: string) => analyzeDocument('asa1.cfg', text).diagnostics;

test('cluster ip address 1000::2 192.168.10.1: one diagnostic whose only fix swaps the two addresses', () => {
  const text = device([' cluster ip address 1000::2 192.168.10.1']);
  const diagnostics = lbDiagnostics(text);
  assert.deepEqual(
    diagnostics.map((d) => `${d.severity} ${d.code}`),
    ['error invalid-argument'],
  );
  const fixes = diagnostics[0]!.fixes;
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0]!.preferred, true);
  const fixed = applyEdits(text, fixes[0]!.edits);
  assert.match(fixed, /^ cluster ip address 192\.168\.10\.1 1000::2$/m);
  assert.deepEqual(lbDiagnostics(fixed), []);
});

test('cluster ip address vpn.example.com: one diagnostic, and no combination of its fixes writes two cluster ip address lines', () => {
  const text = device([' cluster ip address vpn.example.com']);
  const diagnostics = lbDiagnostics(text);
  assert.deepEqual(
    diagnostics.map((d) => `${d.severity} ${d.code}`),
    ['error invalid-argument'],
  );
  const all = applyEdits(
    text,
    diagnostics.flatMap((d) => d.fixes.flatMap((f) => f.edits)),
  );
  assert.ok((all.match(/cluster ip address/g) ?? []).length <= 1, all);
});

test('"did you mean" offers only a command the rest of the line can be an argument of', () => {
  const fqdn = lbDiagnostics(device([' cluster ip address 192.168.10.1', ' cluster fqdn vpn.example.com']));
  const unknown = fqdn.find((d) => d.code === 'unknown-lb-command')!;
  assert.doesNotMatch(unknown.message, /did you mean/);
  assert.deepEqual(unknown.fixes, []);
  // A typo whose arguments fit is still offered.
  const typo = lbDiagnostics(device([' cluster ip address 192.168.10.1', ' cluster prot 4444'])).find(
    (d) => d.code === 'unknown-lb-command',
  )!;
  assert.match(typo.message, /did you mean 'cluster port'/);
  const lonely = lbDiagnostics(device([' cluster ip address 192.168.10.1', ' priorty'])).find(
    (d) => d.code === 'unknown-lb-command',
  )!;
  assert.doesNotMatch(lonely.message, /did you mean/);
});

test('an IKEv1 fix writes crypto isakmp enable in a file that spells it so, or whose version predates ASA 8.4', () => {
  const encryption = [' cluster ip address 192.168.10.1', ' cluster key 8 Zm9vYmFy', ' cluster encryption'];
  const spelled = device(encryption, ['crypto isakmp enable outside']);
  const byVersion = device(encryption, [], ['ASA Version 8.3(2)']);
  const current = device(encryption, [], ['ASA Version 9.12(4)']);
  for (const [text, expected] of [
    [spelled, 'crypto isakmp enable inside'],
    [byVersion, 'crypto isakmp enable inside'],
    [current, 'crypto ikev1 enable inside'],
  ] as const) {
    const d = lbDiagnostics(text).find((x) => x.code === 'encryption-without-ikev1')!;
    assert.ok(d, text);
    const fixed = applyEdits(text, d.fixes[0]!.edits);
    assert.match(fixed, new RegExp(`^${expected}$`, 'm'));
    assert.deepEqual(
      lbDiagnostics(fixed).filter((x) => x.code === 'encryption-without-ikev1'),
      [],
    );
  }
});

test('a disabled group-url for the missing address is enabled again, not written a second time', () => {
  const text = [
    'hostname asa1',
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' ip address 192.0.2.10 255.255.255.0',
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' ip address 10.0.0.10 255.255.255.0',
    'vpn load-balancing',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ' cluster ip address 192.0.2.100',
    ' participate',
    'tunnel-group STAFF type remote-access',
    'tunnel-group STAFF webvpn-attributes',
    ' group-url https://192.0.2.100/staff enable',
    ' group-url https://192.0.2.10/staff disable',
    '',
  ].join('\n');
  const d = lbDiagnostics(text).find((x) => x.code === 'group-url-missing')!;
  const fixed = applyEdits(text, d.fixes[0]!.edits);
  assert.match(fixed, /^ group-url https:\/\/192\.0\.2\.10\/staff enable$/m);
  assert.equal((fixed.match(/192\.0\.2\.10\/staff/g) ?? []).length, 1);
});

test('interface lbpublic by address: the fix writes the interface name', () => {
  const text = device([' cluster ip address 192.168.10.1']).replace(
    ' interface lbpublic outside',
    ' interface lbpublic 192.168.10.2',
  );
  const d = lbDiagnostics(text).find((x) => x.code === 'lb-interface-by-address')!;
  assert.equal(d.severity, 'information');
  assert.match(applyEdits(text, d.fixes[0]!.edits), /^ interface lbpublic outside$/m);
});
