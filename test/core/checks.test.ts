// Runs every single-device fixture in test/fixtures/checks: each file's diagnostics must equal its `!` expectations,
// and every quick fix, applied, must remove its diagnostic without adding an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes/edits';
import { CODES } from '../../server/src/core/checks/codes';
import { describe, describeExpectation, readFixture } from '../support/fixtures';

const dir = join(import.meta.dirname, '..', 'fixtures', 'checks');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.asa') || f.endsWith('.txt'))
  .sort();

for (const fixture of fixtures) {
  for (const file of readFixture(join(dir, fixture))) {
    test(`${fixture} › ${file.name}: diagnostics match the expectations`, () => {
      const { diagnostics } = analyzeDocument(file.name, file.text);
      const actual = diagnostics.map(describe).sort();
      const expected = file.expectations.map(describeExpectation).sort();
      assert.deepEqual(actual, expected);
    });

    test(`${fixture} › ${file.name}: every quick fix removes its diagnostic and adds no error`, () => {
      const { diagnostics } = analyzeDocument(file.name, file.text);
      for (const d of diagnostics) {
        for (const fix of d.fixes) {
          const fixed = applyEdits(file.text, fix.edits);
          const after = analyzeDocument(file.name, fixed).diagnostics;
          const before = diagnostics.filter((x) => x.code === d.code).length;
          assert.equal(
            after.filter((x) => x.code === d.code).length,
            before - 1,
            `'${fix.title}' should remove one ${d.code}\n${fixed}`,
          );
          // Where several candidates are offered (one per interface), only the preferred one must be right.
          if (d.fixes.length > 1 && !fix.preferred) continue;
          const newErrors = after.filter((x) => x.severity === 'error' && !diagnostics.some((y) => y.code === x.code));
          assert.deepEqual(newErrors.map(describe), [], `'${fix.title}' introduced errors`);
        }
      }
    });
  }
}

test('every single-device code has a fixture that triggers it and one that does not', () => {
  const triggered = new Map<string, number>();
  const clean = new Map<string, number>();
  for (const fixture of fixtures) {
    for (const file of readFixture(join(dir, fixture))) {
      const codes = new Set(file.expectations.map((e) => e.code));
      for (const info of CODES) {
        if (codes.has(info.code)) triggered.set(info.code, (triggered.get(info.code) ?? 0) + 1);
        else if (fixture.startsWith(info.code)) clean.set(info.code, (clean.get(info.code) ?? 0) + 1);
      }
    }
  }
  for (const info of CODES.filter((c) => c.scope === 'block' || c.scope === 'device')) {
    assert.ok(triggered.get(info.code), `no fixture triggers ${info.code}`);
    assert.ok(clean.get(info.code), `no close variant of ${info.code} stays clean`);
  }
});
