// The incremental tree equals a fresh one: after any edit, reusing the previous tree's unchanged lines must give
// exactly the tree a full parse gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildTree, treeText, type SyntaxTree } from '../../server/src/core/syntax/tree';

const corpus = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'oxidized-asa5512-9.12-output.cfg'), 'utf8');
const example = readFileSync(join(import.meta.dirname, '..', 'examples', 'dc-vpn-1.cfg'), 'utf8');
const transcript = readFileSync(join(import.meta.dirname, '..', 'examples', 'add-dc-vpn-4.txt'), 'utf8');

function shape(tree: SyntaxTree): unknown {
  return {
    kind: tree.kind,
    lines: tree.lines.map((l) => [l.index, l.text, l.eol, l.kind, l.commandStart, l.indent, l.keyword, l.parse?.command?.id ?? null, l.block ? `${l.block.kind}@${l.block.header}` : null]),
    blocks: tree.blocks.map((b) => [b.kind, b.header, b.lines]),
  };
}

// Edits that stress line boundaries: line breaks of every kind, prompts, indentation, and block headers.
const pieces = fc.constantFrom('\n', '\r\n', '\r', ' ', 'x', '!', 'vpn load-balancing\n', ' participate', 'interface G0/0\n', 'asa1(config)# ', ':', '');

const edit = (base: string) =>
  fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 40 }), fc.array(pieces, { maxLength: 4 })).map(([at, removed, inserted]) => {
    const end = Math.min(base.length, at + removed);
    return base.slice(0, at) + inserted.join('') + base.slice(end);
  });

for (const [name, base] of [['corpus config', corpus], ['example config', example], ['transcript', transcript]] as const) {
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
    fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.array(pieces, { maxLength: 3 })), { minLength: 1, maxLength: 15 }), (steps) => {
      let text = example;
      let tree = buildTree(text);
      for (const [position, removed, inserted] of steps) {
        const at = position % (text.length + 1);
        text = text.slice(0, at) + inserted.join('') + text.slice(Math.min(text.length, at + removed));
        tree = buildTree(text, tree);
        assert.deepEqual(shape(tree), shape(buildTree(text)));
      }
    }),
    { numRuns: 100 },
  );
});
