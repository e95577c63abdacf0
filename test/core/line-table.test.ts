// A tree read afresh keeps its lines as columns and makes a line's node when asked: the nodes it makes one by one, all
// at once, and the ones a tree built from nodes holds must be the same, and a node once made must stay the line's node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTree, type LineNode, type SyntaxTree } from '../../server/src/core/syntax/tree';

const dirs = [
  join(import.meta.dirname, '..', 'fixtures', 'corpus'),
  join(import.meta.dirname, '..', 'fixtures', 'syntax'),
  join(import.meta.dirname, '..', 'examples'),
];
const inputs = [
  ...dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.(cfg|txt)$/.test(name))
      .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })),
  ),
  // Lines the columns keep apart: abbreviations read as the command they stand for, prompts, every line break.
  { name: 'abbreviated', text: 'hostname a\nvpn load-balancing\n prio 5\n clu ip add 192.0.2.9\n part\n' },
  {
    name: 'transcript',
    text: 'asa1# conf t\r\nasa1(config)# vpn load-bal\r\nasa1(config-load-balancing)# prio 4\r\nshow run\rasa1(config-load-balancing)# exit\n',
  },
];

/** Everything a node says, with its block named by kind and header (blocks are compared apart). */
function fields(line: LineNode): unknown {
  const record = line as LineNode & Record<string, unknown>;
  return {
    ...Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'block')),
    block: line.block ? [line.block.kind, line.block.header, line.block.lines] : null,
  };
}

/**
 * The same document as a tree of nodes, built the way an edit builds one: from the tree of another text, so that
 * every line is classified into a node of its own and blocks, abbreviations and the model index are found on nodes.
 */
function treeOfNodes(text: string): SyntaxTree {
  return buildTree(text, buildTree('\u0000'));
}

test('nodes made one by one from the columns are those of a tree of nodes, and stay the same objects', () => {
  assert.ok(inputs.length >= 15, `${inputs.length} inputs`);
  for (const { name, text } of inputs) {
    const fresh = buildTree(text);
    const nodes = treeOfNodes(text);
    assert.equal(fresh.lineCount, nodes.lineCount, name);
    // Every other line first, then the whole list: the list keeps the nodes made before it.
    const early = new Map<number, LineNode>();
    for (let i = 0; i < fresh.lineCount; i += 2) early.set(i, fresh.line(i));
    for (let i = 0; i < fresh.lineCount; i++) {
      assert.equal(fresh.kindOf(i), nodes.line(i).kind, `${name}:${i + 1} kind`);
      assert.equal(fresh.indentOf(i), nodes.line(i).indent, `${name}:${i + 1} indent`);
      assert.equal(fresh.keywordOf(i), nodes.line(i).keyword, `${name}:${i + 1} keyword`);
    }
    const all = fresh.lines;
    for (const [i, node] of early) assert.equal(all[i], node, `${name}:${i + 1} is the node made before`);
    for (let i = 0; i < fresh.lineCount; i++) {
      assert.equal(fresh.line(i), all[i], `${name}:${i + 1} one node per line`);
      assert.deepEqual(fields(all[i]!), fields(nodes.line(i)), `${name}:${i + 1}`);
    }
    assert.deepEqual(fresh.modelLines, nodes.modelLines, `${name} model lines`);
    assert.equal(fresh.promptHostname, nodes.promptHostname, `${name} prompt hostname`);
    assert.equal(fresh.text, text, name);
  }
});

test('a line outside the tree is refused, not made up', () => {
  const tree = buildTree('hostname a\ninterface G0/0\n nameif outside\n');
  assert.equal(tree.lineCount, 4);
  assert.throws(() => tree.line(4), RangeError);
  assert.throws(() => tree.line(-1), RangeError);
  assert.equal(tree.line(3).text, '');
});

test('the line count is every line break plus one, whatever the breaks', () => {
  for (const [text, count] of [
    ['', 1],
    ['a', 1],
    ['a\n', 2],
    ['a\r\nb\rc\n', 4],
    ['\r\r\n\n', 4],
    ['a\r', 2],
  ] as const) {
    const tree = buildTree(text);
    assert.equal(tree.lineCount, count, JSON.stringify(text));
    assert.equal(tree.lines.map((l) => l.text + l.eol).join(''), text, JSON.stringify(text));
  }
});
