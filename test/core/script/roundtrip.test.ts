// The change script's guarantee, as a property: for pairs of configurations of one device (the corpus, the example
// group, generated members, random edits of them), the transcript `asa-lb script` writes, replayed on BASE by the
// product's own change-script engine, raises no order or prerequisite problem, is refused nowhere, gets no error
// in the workspace, and leaves the device equal to TARGET in every setting the script covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeDocument } from '../../../server/src/core/analyze';
import { changeScript } from '../../../server/src/core/script/generate';
import { renderTranscript } from '../../../server/src/core/script/render';
import { replayScript } from '../../../server/src/core/script/replay';
import { loadBalancingInterfaces, scriptedSettings } from '../../../server/src/core/script/settings';
import { buildTree } from '../../../server/src/core/syntax/tree';
import { Workspace } from '../../../server/src/core/workspace';
import { memberConfig } from '../group/generate';
import { applyEdits, editArbitrary } from './edits';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const examples = join(import.meta.dirname, '..', '..', 'examples');
const corpus = readdirSync(join(fixtures, 'corpus'))
  .filter((f) => f.endsWith('.cfg'))
  .map((f) => readFileSync(join(fixtures, 'corpus', f), 'utf8'));
const exampleGroup = ['dc-vpn-1.cfg', 'dc-vpn-2.cfg', 'dc-vpn-3.cfg'].map((f) =>
  readFileSync(join(examples, f), 'utf8'),
);
const starts = [...corpus, ...exampleGroup];

const RUNS = Number(process.env['SCRIPT_RUNS'] ?? 300);
let cases = 0;

interface Outcome {
  /** Why the pair was skipped (TARGET has errors, as `asa-lb script` refuses it), or null when it was checked. */
  skipped: string | null;
  steps: number;
}

/** Checks one pair; returns how it went, throws with the script when the guarantee does not hold. */
function roundTrip(baseText: string, targetText: string): Outcome {
  const base = analyzeDocument('base.cfg', baseText);
  const target = analyzeDocument('target.cfg', targetText);
  if (target.diagnostics.some((d) => d.severity === 'error')) return { skipped: 'target has errors', steps: 0 };
  const script = changeScript(base, target);
  const transcript = renderTranscript(script, 'base.cfg', 'target.cfg');
  const tree = buildTree(transcript);
  assert.equal(tree.kind, 'transcript');
  const replay = replayScript(tree, base.device);
  const context = `BASE:\n${baseText}\nTARGET:\n${targetText}\nSCRIPT:\n${transcript}`;
  assert.deepEqual(
    replay.problems.map((p) => `${p.line + 1} ${p.code}: ${p.message}`),
    [],
    context,
  );
  assert.deepEqual([...replay.rejected], [], context);
  const hwids = loadBalancingInterfaces(base.device, target.device);
  assert.deepEqual(scriptedSettings(replay.device, hwids), scriptedSettings(target.device, hwids), context);
  // The same script in a workspace beside its base, as `asa-lb check` reads it: no error.
  const workspace = new Workspace();
  workspace.set('base.cfg', baseText);
  workspace.set('change.txt', transcript);
  const errors = workspace.diagnostics('change.txt')!.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`),
    [],
    context,
  );
  assert.doesNotMatch(transcript, /s3cr3t-Group-Key|c2VjcmV0LWtleQ==/, 'a key is never printed');
  cases++;
  return { skipped: null, steps: script.steps.length };
}

test('a member of the example group scripted from a corpus-like device without load balancing and back', () => {
  const member = exampleGroup[0]!;
  const without = applyEdits(member, [{ kind: 'no-lb' }]);
  assert.equal(roundTrip(without, member).skipped, null);
  assert.equal(roundTrip(member, without).skipped, null);
});

test('property: BASE and random edits of it (corpus, example group, generated members)', () => {
  const startArb = fc.oneof(
    fc.constantFrom(...starts),
    fc
      .record({
        host: fc.integer({ min: 2, max: 60 }),
        priority: fc.option(fc.integer({ min: 1, max: 10 })),
        participate: fc.boolean(),
      })
      .map((o) => memberConfig(o)),
  );
  let checked = 0;
  fc.assert(
    fc.property(
      startArb,
      fc.array(editArbitrary, { maxLength: 4 }),
      fc.array(editArbitrary, { minLength: 1, maxLength: 5 }),
      (start, toBase, toTarget) => {
        const base = applyEdits(start, toBase);
        const target = applyEdits(base, toTarget);
        if (roundTrip(base, target).skipped === null) checked++;
        // And back: the script that undoes the change.
        if (roundTrip(target, base).skipped === null) checked++;
      },
    ),
    { numRuns: RUNS, seed: Number(process.env['SCRIPT_SEED'] ?? 20261206) },
  );
  // Most pairs must be real checks, not skipped: otherwise the property would say little.
  assert.ok(checked > RUNS, `only ${checked} of ${2 * RUNS} pairs were checked`);
});

test('the property ran on enough cases', () => {
  assert.ok(cases > RUNS, `${cases} cases`);
  process.stdout.write(`# change-script round trips checked: ${cases}\n`);
});
