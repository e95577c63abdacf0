// Runs every navigation fixture in test/fixtures/features/navigation. Lines are named by their command text (prompt and
// indentation left out): `!? definition: nameif inside` says where go-to-definition lands, `!? references: a | b` lists
// the lines of every use in order. `!? rename: NEW` applies the rename, compares the text with the fixture's
// `!- expected:FILE` section and analyses it again: a consistent rename changes no diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition, prepareRename, references, rename } from '../../../server/src/core/features/index';
import { applyEdits } from '../../../server/src/core/fixes/edits';
import type { Range } from '../../../server/src/core/types';
import type { Workspace } from '../../../server/src/core/workspace';
import { fixtureNames, readCursorFixture, textOf, workspaceOf, type CursorFixture, type Directive } from './fixture';

/** The command text of the line a range is on, as fixtures name lines. */
function lineName(ws: Workspace, uri: string, range: Range): string {
  const line = ws.analysis(uri)!.tree.lines[range.start.line]!;
  return line.text.slice(line.commandStart).trim();
}

function names(value: string): string[] {
  return value
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function diagnosticCodes(ws: Workspace, uri: string): string[] {
  return ws
    .result(uri)!
    .diagnostics.map((d) => `${d.severity} ${d.code}`)
    .sort();
}

function check(fixture: CursorFixture, ws: Workspace, d: Directive): void {
  const { uri, position } = fixture;
  const text = fixture.files.get(uri)!;
  switch (d.key) {
    case 'definition': {
      const links = definition(ws, uri, position);
      if (d.value === 'none') return assert.deepEqual(links, []);
      assert.equal(links.length, 1, JSON.stringify(links));
      const link = links[0]!;
      assert.equal(lineName(ws, link.targetUri, link.targetSelectionRange), d.value);
      assert.equal(
        textOf(fixture.files.get(link.targetUri)!, link.targetSelectionRange),
        textOf(text, link.originSelectionRange),
      );
      // The whole target is the interface block, so it contains the selected name.
      assert.ok(
        link.targetRange.start.line <= link.targetSelectionRange.start.line &&
          link.targetSelectionRange.end.line <= link.targetRange.end.line,
      );
      return;
    }
    case 'definition-file':
      return assert.deepEqual(
        definition(ws, uri, position).map((l) => l.targetUri),
        [d.value],
      );
    case 'references':
    case 'references-with-declaration': {
      const found = references(ws, uri, position, d.key === 'references-with-declaration');
      assert.deepEqual(
        found.map((l) => lineName(ws, l.uri, l.range)),
        names(d.value),
      );
      return;
    }
    case 'prepare': {
      const prepared = prepareRename(ws, uri, position);
      assert.ok(prepared?.ok, JSON.stringify(prepared));
      assert.equal(prepared.placeholder, d.value);
      return assert.equal(textOf(text, prepared.range), d.value);
    }
    case 'prepare-refused': {
      const prepared = prepareRename(ws, uri, position);
      assert.ok(prepared && !prepared.ok, JSON.stringify(prepared));
      return assert.ok(prepared.reason.includes(d.value), prepared.reason);
    }
    case 'rename-refused': {
      const result = rename(ws, uri, position, d.label ?? '');
      assert.ok(result && !result.ok, JSON.stringify(result));
      return assert.ok(result.reason.includes(d.value), result.reason);
    }
    case 'rename': {
      const before = diagnosticCodes(ws, uri);
      const result = rename(ws, uri, position, d.value);
      assert.ok(result?.ok, JSON.stringify(result));
      const renamed = applyEdits(text, result.edits);
      assert.equal(renamed, fixture.expected.get(uri));
      ws.set(uri, renamed);
      assert.deepEqual(diagnosticCodes(ws, uri), before, 'the rename changed the diagnostics');
      // Every use now names the new interface, so asking again from the same place finds the new name everywhere.
      const again = references(ws, uri, position, true);
      assert.equal(again.length, result.edits.length);
      for (const location of again) assert.equal(textOf(renamed, location.range), d.value);
      return;
    }
    default:
      throw new Error(`${fixture.name}: unknown expectation '${d.key}'`);
  }
}

for (const name of fixtureNames('navigation')) {
  test(`navigation › ${name}`, () => {
    const fixture = readCursorFixture('navigation', name);
    assert.ok(fixture.directives.length > 0, 'a fixture must expect something');
    // A rename changes the workspace, so it runs last.
    const ordered = [
      ...fixture.directives.filter((d) => d.key !== 'rename'),
      ...fixture.directives.filter((d) => d.key === 'rename'),
    ];
    const ws = workspaceOf(fixture.files);
    for (const d of ordered) check(fixture, ws, d);
  });
}
