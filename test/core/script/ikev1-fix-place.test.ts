// Where the IKEv1 fix of a change script goes: before the `vpn load-balancing` that entered the line's mode, unless a
// global line that disables IKEv1 stands between them; then right before the line, so the fix is not undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyze';
import { applyEdits } from '../../../server/src/core/fixes/edits';

function ikev1(text: string) {
  return analyzeDocument('file:///change.txt', text).diagnostics.filter((d) => d.code === 'encryption-without-ikev1');
}

test("IKEv1 disabled after the block's header, then 'cluster encryption': the fix goes right before it and removes the diagnostic", () => {
  const script = [
    'hostname(config)# vpn load-balancing',
    'hostname(config-load-balancing)# interface lbprivate inside',
    'hostname(config)# no crypto ikev1 enable inside',
    'hostname(config-load-balancing)# cluster key 8 Zm9vYmFy',
    'hostname(config-load-balancing)# cluster encryption',
    '',
  ].join('\n');
  const [diagnostic] = ikev1(script);
  assert.equal(diagnostic!.range.start.line, 4);
  const edit = diagnostic!.fixes[0]!.edits[0]!;
  assert.equal(edit.range.start.line, 4);
  assert.equal(edit.newText, 'hostname(config)# crypto ikev1 enable inside\n');
  assert.deepEqual(ikev1(applyEdits(script, diagnostic!.fixes[0]!.edits)), []);
});

test("IKEv1 enabled only after the block: the fix goes before the block's header", () => {
  const script = [
    'hostname(config)# vpn load-balancing',
    'hostname(config-load-balancing)# interface lbprivate inside',
    'hostname(config-load-balancing)# cluster key 8 Zm9vYmFy',
    'hostname(config-load-balancing)# cluster encryption',
    'hostname(config-load-balancing)# exit',
    'hostname(config)# crypto ikev1 enable inside',
    '',
  ].join('\n');
  const [diagnostic] = ikev1(script);
  assert.equal(diagnostic!.fixes[0]!.edits[0]!.range.start.line, 0);
});
