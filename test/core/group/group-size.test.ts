// Groups of 1, 2, 10 and 11 members, generated here rather than kept as 11 files: only the 11-member group is too
// large, and its warning sits on every member's virtual address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_TESTED_GROUP_SIZE } from '../../../server/src/core/commands/lb-commands';
import { caretsUnder, memberConfig } from './generate';
import { allGroupDiagnostics, assertScenario, scenarioFromTexts } from './workspace-fixtures';

const VIP_LINE = ' cluster ip address 192.0.2.100';

/** A group of `size` members with distinct priorities at the top (10, 9, …), so no tie muddies the picture. */
function group(size: number, expect: (host: number) => string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < size; i++) {
    const host = 11 + i;
    files[`asa${host}.cfg`] = memberConfig({ host, priority: Math.max(10 - i, 1), underVip: expect(host) });
  }
  return files;
}

test(`the vendor-tested maximum is ${MAX_TESTED_GROUP_SIZE} members`, () => {
  assert.equal(MAX_TESTED_GROUP_SIZE, 10);
});

test('a group of 1 member: only the single-member hint', () => {
  assertScenario(
    scenarioFromTexts(
      'size-1',
      group(1, () => [caretsUnder(VIP_LINE, '192.0.2.100', 'hint', 'single-member-group')]),
    ),
  );
});

test('a group of 2 members: nothing to report', () => {
  const ws = assertScenario(
    scenarioFromTexts(
      'size-2',
      group(2, () => []),
    ),
  );
  assert.equal(ws.groups().length, 1);
  assert.equal(ws.groups()[0]!.members.length, 2);
});

test('a group of 10 members: the largest tested size, nothing to report', () => {
  const ws = assertScenario(
    scenarioFromTexts(
      'size-10',
      group(10, () => []),
    ),
  );
  assert.equal(ws.groups()[0]!.members.length, 10);
});

test('a group of 11 members: group-too-large on every member, pointing at the first five others and "5 more"', () => {
  const ws = assertScenario(
    scenarioFromTexts(
      'size-11',
      group(11, () => [caretsUnder(VIP_LINE, '192.0.2.100', 'warning', 'group-too-large', 'has 11 members')]),
    ),
  );
  const found = allGroupDiagnostics(ws);
  assert.equal(found.length, 11);
  for (const { uri, diagnostic } of found) {
    assert.equal(diagnostic.related.length, 6);
    assert.ok(diagnostic.related.every((r) => r.uri !== uri));
    assert.equal(new Set(diagnostic.related.map((r) => r.uri)).size, 6);
    assert.match(diagnostic.related[5]!.message, / and 4 more are members of the group 192\.0\.2\.100\.$/);
  }
});
