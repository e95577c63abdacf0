// Runs every completion fixture in test/fixtures/features/completion: `$0` marks the cursor and `!?` lines say which
// items must (or must not) be offered, in which order, and what they insert. Every list is also checked for the
// invariants all items share: edits that contain the cursor, snippets that expand, and no cluster key anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../../server/src/core/features/index';
import type { CoreCompletionItem } from '../../../server/src/core/features/index';
import { snippetToPlainText } from '../../../server/src/core/features/snippet-text';
import { lbCompletionOrder } from '../../../server/src/core/features/completion-lb';
import { LB_COMMANDS } from '../../../server/src/core/commands/lb-commands';
import type { Workspace } from '../../../server/src/core/workspace';
import { expandSnippet } from '../../grammar/snippet-expand';
import {
  fixtureNames,
  list,
  readCursorFixture,
  textOf,
  workspaceOf,
  type CursorFixture,
  type Directive,
} from './fixture';

/** `\n` and `\r` written in an expectation stand for line ends. */
function unescape(value: string): string {
  return value.replace(/\\r/g, '\r').replace(/\\n/g, '\n');
}

/** The secrets of every cluster key of the workspace that would reveal something (masked ones reveal nothing). */
function secretsOf(ws: Workspace): string[] {
  const secrets: string[] = [];
  for (const uri of ws.uris()) {
    const key = ws.analysis(uri)?.device.lb?.key?.value;
    // A secret of a character or two (`cluster key 8` half typed) is in any text; real keys are longer.
    if (key && key.form !== 'masked' && key.secret.length > 2) secrets.push(key.secret);
  }
  return secrets;
}

function checkInvariants(fixture: CursorFixture, ws: Workspace, items: CoreCompletionItem[]): void {
  const { position } = fixture;
  for (const item of items) {
    assert.ok(item.label.length > 0 && item.detail.length > 0, `${item.label}: label and detail are required`);
    if (item.textEdit) {
      const { start, end } = item.textEdit.range;
      assert.equal(start.line, position.line, `${item.label}: the edit stays on the cursor's line`);
      assert.equal(end.line, position.line);
      assert.ok(
        start.character <= position.character && position.character <= end.character,
        `${item.label}: the edit contains the cursor`,
      );
      assert.equal(item.textEdit.newText, item.insertText);
    }
    // A snippet must expand the same way in the editor's parser (the test's) and in the core's plain-text fallback.
    if (item.insertTextFormat === 'snippet')
      assert.equal(snippetToPlainText(item.insertText), expandSnippet(item.insertText), item.label);
  }
  // One item per thing offered: a synonym never adds a second item.
  const labels = items.map((i) => i.label);
  assert.deepEqual(
    labels.filter((l, i) => labels.indexOf(l) !== i),
    [],
    'an item is offered twice',
  );
  const json = JSON.stringify(items);
  for (const secret of secretsOf(ws)) assert.ok(!json.includes(secret), 'a cluster key appears in a completion item');
}

function itemOf(items: CoreCompletionItem[], d: Directive): CoreCompletionItem {
  const item = items.find((i) => i.label === d.label);
  assert.ok(item, `no item labelled "${d.label}" (have: ${items.map((i) => i.label).join(', ')})`);
  return item;
}

function checkDirective(
  fixture: CursorFixture,
  items: CoreCompletionItem[],
  isIncomplete: boolean,
  d: Directive,
): void {
  const labels = items.map((i) => i.label);
  const text = fixture.files.get(fixture.uri)!;
  switch (d.key) {
    case 'labels':
      return assert.deepEqual(labels, list(d.value));
    case 'first': {
      const expected = list(d.value);
      return assert.deepEqual(labels.slice(0, expected.length), expected);
    }
    case 'includes':
      for (const label of list(d.value))
        assert.ok(labels.includes(label), `"${label}" is not offered (have: ${labels.join(', ')})`);
      return;
    case 'not':
      for (const label of list(d.value)) assert.ok(!labels.includes(label), `"${label}" must not be offered`);
      return;
    case 'empty':
      return assert.deepEqual(labels, []);
    case 'incomplete':
      return assert.equal(isIncomplete, d.value === 'yes');
    case 'preselect':
      return assert.deepEqual(
        items.filter((i) => i.preselect).map((i) => i.label),
        [d.value],
      );
    case 'detail':
      return assert.ok(
        itemOf(items, d).detail.includes(d.value),
        `detail of "${d.label}" is "${itemOf(items, d).detail}"`,
      );
    case 'doc':
      return assert.ok(
        itemOf(items, d).documentation.includes(d.value),
        `documentation of "${d.label}":\n${itemOf(items, d).documentation}`,
      );
    case 'kind':
      return assert.equal(itemOf(items, d).kind, d.value);
    case 'filter':
      return assert.equal(itemOf(items, d).filterText, d.value);
    case 'insert':
      return assert.equal(itemOf(items, d).insertText, unescape(d.value));
    case 'plain':
      return assert.equal(expandSnippet(itemOf(items, d).insertText), unescape(d.value));
    case 'replaces': {
      const edit = itemOf(items, d).textEdit;
      assert.ok(edit, `"${d.label}" has no text edit`);
      return assert.equal(textOf(text, edit.range), d.value);
    }
    case 'extra-edit': {
      const edits = itemOf(items, d).additionalTextEdits ?? [];
      return assert.ok(
        edits.some((e) => e.newText.trim() === d.value),
        `extra edits of "${d.label}": ${JSON.stringify(edits)}`,
      );
    }
    default:
      throw new Error(`${fixture.name}: unknown expectation '${d.key}'`);
  }
}

for (const name of fixtureNames('completion')) {
  test(`completion › ${name}`, () => {
    const fixture = readCursorFixture('completion', name);
    const ws = workspaceOf(fixture.files);
    const result = complete(ws, fixture.uri, fixture.position);
    const items = [...result.items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
    checkInvariants(fixture, ws, items);
    assert.ok(fixture.directives.length > 0, 'a fixture must expect something');
    for (const d of fixture.directives) checkDirective(fixture, items, result.isIncomplete, d);
  });
}

test('completion offers every command of the table, each once', () => {
  assert.deepEqual([...lbCompletionOrder()].sort(), LB_COMMANDS.map((c) => c.id).sort());
});
