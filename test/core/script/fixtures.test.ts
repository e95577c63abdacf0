// Runs every change-script fixture in test/fixtures/scripts: all files of a fixture form one workspace (a device's
// configuration, its change script, other members), and every file's diagnostics must equal its `!` expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../server/src/core/workspace';
import { describe, describeExpectation, readFixture } from '../../support/fixtures';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'scripts');

for (const fixture of readdirSync(dir)
  .filter((f) => f.endsWith('.asa'))
  .sort()) {
  test(`${fixture}: every file's diagnostics match the expectations`, () => {
    const files = readFixture(join(dir, fixture));
    const workspace = new Workspace();
    for (const file of files) workspace.set(file.name, file.text);
    for (const file of files) {
      const actual = workspace.diagnostics(file.name)!.map(describe).sort();
      const expected = file.expectations.map(describeExpectation).sort();
      assert.deepEqual(
        actual,
        expected,
        `${file.name}:\n${workspace
          .diagnostics(file.name)!
          .map((d) => `${describe(d)} ${d.message}`)
          .join('\n')}`,
      );
      for (const d of workspace.diagnostics(file.name)!) {
        assert.ok(d.range.start.line >= 0, `${d.code} on a line of this document`);
        for (const r of d.related)
          assert.ok(r.range.start.line >= 0 && r.uri !== '', `${d.code}: related in a known document`);
      }
    }
  });
}
