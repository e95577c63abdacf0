// No feature throws: unknown documents, positions outside the text and every position of real and hostile files
// all get an answer (null, [] or an empty list), and completion edits always contain the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as features from '../../../server/src/core/features/index';
import type { Position } from '../../../server/src/core/types';
import { Workspace } from '../../../server/src/core/workspace';

const ALL_AT_POSITION = (ws: Workspace, uri: string, p: Position): unknown[] => [
  features.complete(ws, uri, p),
  features.hover(ws, uri, p),
  features.definition(ws, uri, p),
  features.references(ws, uri, p, true),
  features.prepareRename(ws, uri, p),
  features.rename(ws, uri, p, 'renamed'),
];

const SMALL =
  'hostname asa1\ninterface GigabitEthernet0/0\n nameif outside\nvpn load-balancing\n interface lbpublic outside\n';

test('an unknown document gets empty answers from every feature', () => {
  const ws = new Workspace();
  ws.set('known.cfg', SMALL);
  const p = { line: 0, character: 0 };
  assert.deepEqual(features.complete(ws, 'unknown.cfg', p), { isIncomplete: false, items: [] });
  assert.equal(features.hover(ws, 'unknown.cfg', p), null);
  assert.deepEqual(features.definition(ws, 'unknown.cfg', p), []);
  assert.deepEqual(features.references(ws, 'unknown.cfg', p, true), []);
  assert.equal(features.prepareRename(ws, 'unknown.cfg', p), null);
  assert.equal(features.rename(ws, 'unknown.cfg', p, 'x'), null);
  assert.deepEqual(features.documentSymbols(ws, 'unknown.cfg'), []);
  assert.deepEqual(features.foldingRanges(ws, 'unknown.cfg'), []);
  assert.deepEqual(features.codeLens(ws, 'unknown.cfg'), []);
  assert.equal(features.groupInfo(ws, 'unknown.cfg').inGroup, false);
});

const OUT_OF_RANGE: [string, Position][] = [
  ['a line past the end', { line: 99, character: 0 }],
  ['the line just past the end', { line: 5, character: 1 }],
  ['a negative line', { line: -1, character: 0 }],
  ['a negative character', { line: 0, character: -3 }],
  ['a character past the line end', { line: 0, character: 14 }],
  ['a fractional line', { line: 0.5, character: 0 }],
  ['NaN', { line: Number.NaN, character: 0 }],
];

for (const [what, position] of OUT_OF_RANGE) {
  test(`a position outside the text (${what}) gets empty answers`, () => {
    const ws = new Workspace();
    ws.set('a.cfg', SMALL);
    assert.deepEqual(features.complete(ws, 'a.cfg', position).items, []);
    assert.equal(features.hover(ws, 'a.cfg', position), null);
    assert.deepEqual(features.definition(ws, 'a.cfg', position), []);
    assert.deepEqual(features.references(ws, 'a.cfg', position, true), []);
    assert.equal(features.prepareRename(ws, 'a.cfg', position), null);
    assert.equal(features.rename(ws, 'a.cfg', position, 'x'), null);
  });
}

test('null-ish arguments from a careless caller do not throw', () => {
  const ws = new Workspace();
  ws.set('a.cfg', SMALL);
  const loose = features as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['complete', 'hover', 'definition', 'references', 'prepareRename', 'rename']) {
    assert.doesNotThrow(() => loose[name]!(ws, 'a.cfg', null, true), name);
    assert.doesNotThrow(() => loose[name]!(ws, undefined, { line: 0, character: 0 }), name);
  }
  assert.doesNotThrow(() => features.workspaceSymbols(ws, undefined as unknown as string));
});

const CORPUS = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');
const HOSTILE: [string, string][] = [
  ['empty', ''],
  ['only a newline', '\n'],
  ['NUL bytes', 'hostname a\u0000b\nvpn load-balancing\n \u0000 priority 5\n'],
  ['CRLF and tabs', 'hostname a\r\nvpn load-balancing\r\n\tcluster\tip address 10.0.0.1\r\n\tpriority\r\n'],
  ['a lone CR', 'hostname a\rvpn load-balancing\r cluster key\r'],
  ['a very long line', `vpn load-balancing\n cluster ip address ${'9'.repeat(20000)}\n`],
  ['prompts only', 'asa(config)# \nasa(config-load-balancing)# \nasa# \n'],
  ['broken nat and parentheses', 'nat (\nnat (,)\nnat ()\naaa-server X (\nssh :: \nicmp permit\nroute\n'],
  ['surrogate pairs', 'hostname 🔥\nvpn load-balancing\n interface lbpublic 🔥x\n'],
];

/** Every feature at the start, the middle, the end and one past the end of every line. */
function probeAll(ws: Workspace, uri: string, text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    for (const character of new Set([0, Math.floor(line.length / 2), line.length, line.length + 1])) {
      const position = { line: index, character };
      ALL_AT_POSITION(ws, uri, position);
      for (const item of features.complete(ws, uri, position).items) {
        const range = item.textEdit?.range;
        if (range)
          assert.ok(
            range.start.character <= character && character <= range.end.character,
            `${uri}:${index + 1}:${character} ${item.label}`,
          );
      }
    }
  });
  features.documentSymbols(ws, uri);
  features.foldingRanges(ws, uri);
  features.codeLens(ws, uri);
  features.groupInfo(ws, uri);
}

test('every position of every corpus config gets an answer without an exception', () => {
  const ws = new Workspace();
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.cfg') || f.endsWith('.txt'));
  for (const f of files) ws.set(f, readFileSync(join(CORPUS, f), 'utf8'));
  for (const f of files) probeAll(ws, f, readFileSync(join(CORPUS, f), 'utf8'));
  features.workspaceSymbols(ws, '');
});

for (const [what, text] of HOSTILE) {
  test(`every position of a hostile file (${what}) gets an answer without an exception`, () => {
    const ws = new Workspace();
    ws.set('hostile.cfg', text);
    probeAll(ws, 'hostile.cfg', text);
  });
}
