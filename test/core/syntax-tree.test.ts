// Golden syntax trees: each input's line tree, printed one line per source line, must match its committed `.tree`
// file. Refresh with UPDATE_GOLDEN=1 after a deliberate change, and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTree, treeText, type SyntaxTree } from '../../server/src/core/syntax/tree';
import { assertGolden } from '../support/golden';

const dirs = [
  join(import.meta.dirname, '..', 'fixtures', 'syntax'),
  join(import.meta.dirname, '..', 'fixtures', 'corpus'),
];
const goldenDir = join(import.meta.dirname, '..', 'fixtures', 'syntax');

function dump(tree: SyntaxTree): string {
  const out = [`kind ${tree.kind}`];
  for (const line of tree.lines) {
    const block = line.block ? `${line.block.kind}@${line.block.header === null ? '-' : line.block.header + 1}` : 'top';
    const command = line.parse?.command;
    const parsed = command
      ? ` ${command.negated ? 'no ' : ''}${command.id}(${command.args.map((a) => `${a.type}:${a.text}@${a.start}`).join(' ')})`
      : '';
    const prompt = line.prompt
      ? ` prompt=${line.prompt.hostname}${line.prompt.mode ? `(${line.prompt.mode})` : ''}`
      : '';
    out.push(`${line.index + 1} ${line.kind} ${block} indent=${line.indent}${prompt}${parsed}`);
  }
  return out.join('\n') + '\n';
}

for (const dir of dirs) {
  for (const name of readdirSync(dir)
    .filter((f) => /\.(cfg|txt|asa)$/.test(f))
    .sort()) {
    test(`syntax tree of ${name}`, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const tree = buildTree(text);
      assert.equal(treeText(tree), text, 'the tree must give the text back');
      assertGolden(dump(tree), join(goldenDir, `${name}.tree`));
    });
  }
}
