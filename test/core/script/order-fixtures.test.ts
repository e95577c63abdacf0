// One fixture per ordering rule of the change script (test/fixtures/script-order/<rule>/): BASE, TARGET and the
// script an engineer would review (`expected.txt`, regenerated with UPDATE_GOLDEN=1). Each script is also replayed
// on BASE by the change-script engine: no order problem, and TARGET's settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../../server/src/core/analyze';
import { changeScript } from '../../../server/src/core/script/generate';
import { renderText, renderTranscript } from '../../../server/src/core/script/render';
import { replayScript } from '../../../server/src/core/script/replay';
import { loadBalancingInterfaces, scriptedSettings } from '../../../server/src/core/script/settings';
import { buildTree } from '../../../server/src/core/syntax/tree';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'script-order');

for (const rule of readdirSync(dir).sort()) {
  test(`script order: ${rule}`, () => {
    const base = analyzeDocument('base.cfg', readFileSync(join(dir, rule, 'base.cfg'), 'utf8'));
    const target = analyzeDocument('target.cfg', readFileSync(join(dir, rule, 'target.cfg'), 'utf8'));
    assert.deepEqual(
      target.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
      [],
      'TARGET is valid',
    );
    const script = changeScript(base, target);
    const text = renderText(script, 'base.cfg', 'target.cfg');
    const golden = join(dir, rule, 'expected.txt');
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, text);
    assert.ok(existsSync(golden), `${golden} is missing: review the script and write it with UPDATE_GOLDEN=1`);
    assert.equal(text, readFileSync(golden, 'utf8'));
    const replay = replayScript(buildTree(renderTranscript(script, 'base.cfg', 'target.cfg')), base.device);
    assert.deepEqual(replay.problems, []);
    const hwids = loadBalancingInterfaces(base.device, target.device);
    assert.deepEqual(scriptedSettings(replay.device, hwids), scriptedSettings(target.device, hwids));
  });
}

test('a script in the wrong order is what the engine reports: the join-group script with participate first', () => {
  const base = analyzeDocument('base.cfg', readFileSync(join(dir, 'join-group', 'base.cfg'), 'utf8'));
  const target = analyzeDocument('target.cfg', readFileSync(join(dir, 'join-group', 'target.cfg'), 'utf8'));
  const lines = renderTranscript(changeScript(base, target), 'base.cfg', 'target.cfg').split('\n');
  // Move the IKEv1 line after the block and 'participate' before the interfaces.
  const ike = lines.findIndex((l) => l.endsWith('# crypto ikev1 enable inside'));
  const [ikeLine] = lines.splice(ike, 1);
  lines.splice(
    lines.findIndex((l) => l.endsWith('# write memory')),
    0,
    ikeLine!,
  );
  const participate = lines.findIndex((l) => l.endsWith('# participate'));
  const [participateLine] = lines.splice(participate, 1);
  lines.splice(
    lines.findIndex((l) => l.endsWith('# interface lbpublic outside')),
    0,
    participateLine!,
  );
  const replay = replayScript(buildTree(lines.join('\n')), base.device);
  assert.deepEqual(replay.problems.map((p) => p.code).sort(), [
    'cluster-ip-missing',
    'encryption-without-ikev1',
    'lb-interface-missing',
    'lb-interface-missing',
  ]);
});
