// No cluster key, clear or encrypted, may appear in what the group checks show: messages, related information,
// fix titles or fix text. Keys are read from the workspace's own summaries, so every key of every fixture is covered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Workspace } from '../../../server/src/core/workspace';
import { memberConfig } from './generate';
import { allGroupDiagnostics, loadScenario, scenarioFromTexts, scenarioNames, workspaceOf } from './workspace-fixtures';

function keysOf(ws: Workspace): string[] {
  return (
    ws
      .uris()
      .map((uri) => ws.result(uri)!.summary?.key)
      // A masked key is `*****`: nothing secret to leak.
      .flatMap((key) => (key && key.form !== 'masked' ? [key.secret] : []))
  );
}

function shownTexts(ws: Workspace): string[] {
  return allGroupDiagnostics(ws).flatMap(({ diagnostic: d }) => [
    d.message,
    ...d.related.map((r) => r.message),
    ...d.fixes.flatMap((f) => [f.title, ...f.edits.map((e) => e.newText)]),
  ]);
}

function assertNoKeyShown(ws: Workspace, where: string): number {
  const keys = keysOf(ws);
  for (const text of shownTexts(ws))
    for (const key of keys) assert.ok(!text.includes(key), `${where}: a key appears in "${text}"`);
  return keys.length;
}

test('no fixture shows a cluster key', () => {
  let keys = 0;
  for (const name of scenarioNames()) keys += assertNoKeyShown(workspaceOf(loadScenario(name).texts), name);
  assert.ok(keys >= 10, 'the fixtures hold clear and encrypted keys to check against');
});

test('key mismatches among many members, with a tie, show no key', () => {
  const keyed = (host: number, key: string, priority: number): string =>
    memberConfig({ host, priority, lb: [` cluster key ${key}`, ' cluster encryption'] });
  const { texts } = scenarioFromTexts('keys', {
    'asa11.cfg': keyed(11, 'Zebra-Key-One', 9),
    'asa12.cfg': keyed(12, 'Yak-Key-Two', 8),
    'asa13.cfg': keyed(13, '8 Q2lwaGVydGV4dA==', 7),
    'asa14.cfg': keyed(14, 'Zebra-Key-One', 6),
    'asa15.cfg': keyed(15, 'Yak-Key-Two', 5),
  });
  const ws = workspaceOf(texts);
  const codes = allGroupDiagnostics(ws).map((d) => d.diagnostic.code);
  assert.equal(
    codes.filter((c) => c === 'group-setting-mismatch').length,
    2,
    'two members hold the key the director does not',
  );
  assert.equal(
    codes.filter((c) => c === 'cluster-key-unverifiable').length,
    5,
    'the encrypted key cannot be compared with anyone',
  );
  const mismatch = allGroupDiagnostics(ws).find((d) => d.diagnostic.code === 'group-setting-mismatch')!;
  assert.match(mismatch.diagnostic.message, /the predicted director asa11's key/);
  assert.deepEqual(mismatch.diagnostic.fixes, [], 'no fix can set a key the product never copies');
  assert.equal(assertNoKeyShown(ws, 'keys'), 5);
});
