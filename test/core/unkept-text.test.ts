// A document set with `retain: false` and a way to read it again (an unopened file of a large workspace) keeps no
// text: the workspace reads it when it needs the tree, tells an unchanged text from a changed one without it, and
// gives the same diagnostics and groups as a workspace that keeps every text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../server/src/core/workspace';

const dir = join(import.meta.dirname, '..', 'examples');
const names = ['dc-vpn-1.cfg', 'dc-vpn-2.cfg', 'dc-vpn-3.cfg', 'add-dc-vpn-4.txt'];
const texts = Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

/** A workspace of the examples where every file is "on disk": `disk` holds what a read would give, `reads` counts. */
function unkept(): { workspace: Workspace; disk: Record<string, string>; reads: Record<string, number> } {
  const disk = { ...texts };
  const reads: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const workspace = new Workspace();
  for (const name of names)
    workspace.set(name, disk[name]!, { retain: false, load: () => (reads[name]!++, disk[name]!) });
  return { workspace, disk, reads };
}

test('an unkept document is read again whenever its tree is needed, and gives the same results as a kept one', () => {
  const { workspace, reads } = unkept();
  const kept = new Workspace();
  for (const name of names) kept.set(name, texts[name]!);
  assert.deepEqual(reads['dc-vpn-1.cfg'], 0, 'nothing is read before it is asked for');
  for (const name of names) assert.deepEqual(workspace.diagnostics(name), kept.diagnostics(name), name);
  assert.deepEqual(workspace.groups(), kept.groups());
  const afterFacts = reads['dc-vpn-1.cfg']!;
  assert.ok(afterFacts >= 1);
  // The tree is not kept either: each request that needs it reads the text again.
  assert.equal(workspace.analysis('dc-vpn-1.cfg')!.tree.text, texts['dc-vpn-1.cfg']);
  assert.equal(workspace.analysis('dc-vpn-1.cfg')!.tree.text, texts['dc-vpn-1.cfg']);
  assert.equal(reads['dc-vpn-1.cfg'], afterFacts + 2);
  assert.equal(workspace.text('dc-vpn-2.cfg'), texts['dc-vpn-2.cfg']);
});

test('an unkept document set again with the same text keeps its results; with another text it is analysed again', () => {
  const { workspace, disk } = unkept();
  const before = workspace.diagnostics('dc-vpn-2.cfg');
  workspace.set('dc-vpn-2.cfg', texts['dc-vpn-2.cfg']!, { retain: false, load: () => disk['dc-vpn-2.cfg']! });
  assert.equal(workspace.diagnostics('dc-vpn-2.cfg'), before, 'the very same list: nothing was analysed again');
  const changed = texts['dc-vpn-2.cfg']!.replace(/^ priority \d+$/m, ' priority 10');
  assert.notEqual(changed, texts['dc-vpn-2.cfg']);
  disk['dc-vpn-2.cfg'] = changed;
  workspace.set('dc-vpn-2.cfg', changed, { retain: false, load: () => disk['dc-vpn-2.cfg']! });
  const fresh = new Workspace();
  for (const name of names) fresh.set(name, name === 'dc-vpn-2.cfg' ? changed : texts[name]!);
  assert.deepEqual(workspace.groups(), fresh.groups());
  assert.deepEqual(workspace.diagnostics('dc-vpn-2.cfg'), fresh.diagnostics('dc-vpn-2.cfg'));
});

test('opening an unkept document with the same text keeps that text and its tree', () => {
  const { workspace, reads } = unkept();
  workspace.diagnostics('dc-vpn-3.cfg');
  const count = reads['dc-vpn-3.cfg']!;
  workspace.set('dc-vpn-3.cfg', texts['dc-vpn-3.cfg']!);
  workspace.analysis('dc-vpn-3.cfg');
  workspace.analysis('dc-vpn-3.cfg');
  assert.equal(reads['dc-vpn-3.cfg'], count, 'an open document is never read from disk');
  assert.equal(workspace.text('dc-vpn-3.cfg'), texts['dc-vpn-3.cfg']);
});
