// Change scripts in the wrong order, with lines missing or doubled, judged on their base: the engine never fails,
// and every diagnostic lies on a line of its own document, with related information only in the two documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeDocument } from '../../../server/src/core/analyze';
import { changeScript } from '../../../server/src/core/script/generate';
import { renderTranscript } from '../../../server/src/core/script/render';
import { Workspace } from '../../../server/src/core/workspace';
import { applyEdits } from './edits';

const member = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'dc-vpn-1.cfg'), 'utf8');
const before = applyEdits(member, [{ kind: 'no-lb' }, { kind: 'rename', intf: 1, name: 'lan' }]);
const script = renderTranscript(
  changeScript(analyzeDocument('b.cfg', before), analyzeDocument('t.cfg', member)),
  'b.cfg',
  't.cfg',
);
const lines = script.split('\n').filter((l) => l !== '');

test('the script under test is a real one: it renames an interface and sets up the group', () => {
  assert.ok(lines.some((l) => l.endsWith('# nameif inside')) && lines.some((l) => l.endsWith('# participate')), script);
});

test('property: shuffled, cut and doubled scripts on their base never fail and stay in their document', () => {
  fc.assert(
    fc.property(
      fc.shuffledSubarray(lines, { minLength: 1 }),
      fc.array(fc.nat(lines.length - 1), { maxLength: 3 }),
      (kept, doubled) => {
        const text = [...kept, ...doubled.map((i) => lines[i]!)].join('\n');
        const workspace = new Workspace();
        workspace.set('dc-vpn-1.cfg', before);
        workspace.set('change.txt', text);
        const count = text.split('\n').length;
        for (const uri of ['dc-vpn-1.cfg', 'change.txt']) {
          for (const d of workspace.diagnostics(uri)!) {
            assert.notEqual(d.code, 'internal-error', d.message);
            const limit = uri === 'change.txt' ? count : before.split('\n').length;
            assert.ok(
              d.range.start.line >= 0 && d.range.end.line < limit,
              `${uri}: ${d.code} at line ${d.range.start.line}`,
            );
            for (const r of d.related)
              assert.ok(
                ['dc-vpn-1.cfg', 'change.txt'].includes(r.uri) && r.range.start.line >= 0,
                `${d.code}: related ${r.uri}`,
              );
          }
        }
      },
    ),
    { numRuns: Number(process.env['SCRIPT_RUNS'] ?? 300), seed: 20261206 },
  );
});
