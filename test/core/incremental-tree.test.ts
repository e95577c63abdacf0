// The incremental tree equals a fresh one: after any edit, reusing the previous tree's unchanged lines must give
// exactly the tree a full parse gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildTree, editTree, treeText, type SyntaxTree, type TextChange } from '../../server/src/core/syntax/tree';
import { analyzeTree } from '../../server/src/core/analyze';
import { buildDevice } from '../../server/src/core/model/device';

const corpus = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'corpus', 'oxidized-asa5512-9.12-output.cfg'),
  'utf8',
);
const example = readFileSync(join(import.meta.dirname, '..', 'examples', 'dc-vpn-1.cfg'), 'utf8');
const transcript = readFileSync(join(import.meta.dirname, '..', 'examples', 'add-dc-vpn-4.txt'), 'utf8');

function shape(tree: SyntaxTree): unknown {
  return {
    kind: tree.kind,
    lines: tree.lines.map((l) => [
      l.index,
      l.text,
      l.eol,
      l.kind,
      l.commandStart,
      l.indent,
      l.keyword,
      l.parse?.command?.id ?? null,
      l.block ? `${l.block.kind}@${l.block.header}` : null,
    ]),
    blocks: tree.blocks.map((b) => [b.kind, b.header, b.lines]),
  };
}

// Edits that stress line boundaries: line breaks of every kind, prompts, indentation, block headers, and
// abbreviated commands (read as the command they stand for only inside a load-balancing block).
const pieces = fc.constantFrom(
  '\n',
  '\r\n',
  '\r',
  ' ',
  'x',
  '!',
  'vpn load-balancing\n',
  ' participate',
  'interface G0/0\n',
  'asa1(config)# ',
  ':',
  '',
  ' prio 5',
  ' clu ip add 192.0.2.9',
  'asa1(config-load-balancing)# part',
  'vpn load-bal\n',
);

const edit = (base: string) =>
  fc
    .tuple(fc.nat({ max: base.length }), fc.nat({ max: 40 }), fc.array(pieces, { maxLength: 4 }))
    .map(([at, removed, inserted]) => {
      const end = Math.min(base.length, at + removed);
      return base.slice(0, at) + inserted.join('') + base.slice(end);
    });

for (const [name, base] of [
  ['corpus config', corpus],
  ['example config', example],
  ['transcript', transcript],
] as const) {
  test(`incremental tree equals a fresh parse after random edits (${name})`, () => {
    const before = buildTree(base);
    fc.assert(
      fc.property(edit(base), (after) => {
        const incremental = buildTree(after, before);
        assert.equal(treeText(incremental), after);
        assert.deepEqual(shape(incremental), shape(buildTree(after)));
      }),
      { numRuns: 300 },
    );
  });
}

test('a chain of edits keeps the tree equal to a fresh parse', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.array(pieces, { maxLength: 3 })), {
        minLength: 1,
        maxLength: 15,
      }),
      (steps) => {
        let text = example;
        let tree = buildTree(text);
        for (const [position, removed, inserted] of steps) {
          const at = position % (text.length + 1);
          text = text.slice(0, at) + inserted.join('') + text.slice(Math.min(text.length, at + removed));
          tree = buildTree(text, tree);
          assert.deepEqual(shape(tree), shape(buildTree(text)));
        }
      },
    ),
    { numRuns: 100 },
  );
});

// Editors send changes as line and column ranges; the language server's document library is the reference for
// where a position lies, including positions past a line's end or the last line and line breaks of every kind.
// (Its own incremental update is not used as the reference: its line count drifts after a range past the end.)
function applyChange(text: string, change: TextChange): string {
  const document = TextDocument.create('file:///x.cfg', 'asa', 1, text);
  let start = document.offsetAt(change.start);
  let end = document.offsetAt(change.end);
  if (end < start) [start, end] = [end, start];
  return text.slice(0, start) + change.text + text.slice(end);
}

const rangeEdit = fc.tuple(
  fc.nat({ max: 400 }),
  fc.nat({ max: 90 }),
  fc.nat({ max: 3 }),
  fc.nat({ max: 90 }),
  fc.array(pieces, { maxLength: 4 }),
);

function toChange(
  text: string,
  [line, character, lines, endCharacter, inserted]: [number, number, number, number, string[]],
): TextChange {
  const count = text.split(/\r\n|\r|\n/).length;
  const start = { line: line % (count + 1), character };
  const end =
    lines === 0
      ? { line: start.line, character: character + endCharacter }
      : { line: start.line + lines, character: endCharacter };
  return { start, end, text: inserted.join('') };
}

for (const [name, base] of [
  ['corpus config', corpus],
  ['example config', example],
  ['transcript', transcript],
  ['CR-only config', example.replace(/\n/g, '\r')],
] as const) {
  test(`edits given as ranges give the text and tree of a fresh parse (${name})`, () => {
    const before = buildTree(base);
    fc.assert(
      fc.property(fc.array(rangeEdit, { minLength: 1, maxLength: 3 }), (steps) => {
        let text = base;
        const changes: TextChange[] = [];
        for (const step of steps) {
          const change = toChange(text, step);
          changes.push(change);
          text = applyChange(text, change);
        }
        const edited = editTree(before, changes);
        assert.equal(edited.text, text);
        assert.equal(edited.lines.length, TextDocument.create('file:///y.cfg', 'asa', 1, text).lineCount);
        assert.deepEqual(shape(edited), shape(buildTree(text)));
      }),
      { numRuns: 300 },
    );
  });
}

test('a device rebuilt from the previous one equals a fresh build, edit after edit', () => {
  const lines = example.split('\n');
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.nat({ max: lines.length }),
          fc.constantFrom(
            ' priority 9',
            ' participate',
            ' nameif inside',
            ' ip address 10.9.9.9 255.255.255.0',
            ' cluster port 9023',
            'x',
            ' ',
            '',
          ),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 12 },
      ),
      (steps) => {
        let analysis = analyzeTree('file:///x.cfg', buildTree(example));
        for (const [line, text, replace] of steps) {
          const at = Math.min(line, analysis.tree.lines.length - 1);
          const change: TextChange = replace
            ? {
                start: { line: at, character: 0 },
                end: { line: at, character: analysis.tree.lines[at]!.text.length },
                text,
              }
            : {
                start: { line: at, character: analysis.tree.lines[at]!.text.length },
                end: { line: at, character: analysis.tree.lines[at]!.text.length },
                text: text.trim(),
              };
          // In place, as the workspace edits: the previous tree is retired and its lines become the new tree's.
          const tree = editTree(analysis.tree, [change], { inPlace: true });
          assert.throws(() => editTree(analysis.tree, [change]), /consumed/);
          const reused = analyzeTree('file:///x.cfg', tree, { previous: analysis });
          assert.deepEqual(reused.device, buildDevice(tree));
          assert.deepEqual(reused.diagnostics, analyzeTree('file:///x.cfg', buildTree(tree.text)).diagnostics);
          analysis = reused;
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('in-place edits, one after another, keep the tree equal to a fresh parse', () => {
  fc.assert(
    fc.property(fc.array(rangeEdit, { minLength: 1, maxLength: 20 }), (steps) => {
      let tree = buildTree(example);
      let text = example;
      for (const step of steps) {
        const change = toChange(text, step);
        text = applyChange(text, change);
        tree = editTree(tree, [change], { inPlace: true });
        assert.deepEqual(shape(tree), shape(buildTree(text)));
      }
      assert.equal(tree.text, text);
    }),
    { numRuns: 200 },
  );
});
