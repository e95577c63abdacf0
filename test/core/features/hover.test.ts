// Runs every hover fixture in test/fixtures/features/hover: `$0` marks the cursor; `!? contains:` and `!? lacks:` say
// what the markdown must and must not hold, `!? range:` the text the hover range covers, `!? null` that there is none.
// No hover may ever contain a cluster key of the workspace, in any form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/core/features/index';
import { fixtureNames, readCursorFixture, textOf, workspaceOf } from './fixture';

for (const name of fixtureNames('hover')) {
  test(`hover › ${name}`, () => {
    const fixture = readCursorFixture('hover', name);
    const ws = workspaceOf(fixture.files);
    const result = hover(ws, fixture.uri, fixture.position);
    for (const uri of ws.uris()) {
      const key = ws.analysis(uri)?.device.lb?.key?.value;
      // A secret of a character or two (`cluster key 8` half typed) is in any text; real keys are longer.
      if (key && key.secret.length > 2)
        assert.ok(!result?.contents.includes(key.secret), 'a cluster key appears in a hover');
    }
    assert.ok(fixture.directives.length > 0, 'a fixture must expect something');
    for (const d of fixture.directives) {
      switch (d.key) {
        case 'null':
          assert.equal(result, null);
          break;
        case 'contains':
          assert.ok(result, 'no hover');
          assert.ok(result.contents.includes(d.value), `the hover lacks "${d.value}":\n${result.contents}`);
          break;
        case 'lacks':
          assert.ok(result, 'no hover');
          assert.ok(!result.contents.includes(d.value), `the hover must not contain "${d.value}"`);
          break;
        case 'range':
          assert.ok(result, 'no hover');
          assert.equal(textOf(fixture.files.get(fixture.uri)!, result.range), d.value);
          break;
        default:
          throw new Error(`${name}: unknown expectation '${d.key}'`);
      }
    }
  });
}
