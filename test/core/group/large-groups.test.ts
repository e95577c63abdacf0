// Group checks stay linear in the members: a 1,000-member group and 2,000 single-member groups on one subnet give
// diagnostics whose related entries, listed names and fixes are capped, so their size does not grow with the group.
// (How long they take is measured in `npm run bench`, not here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/core/workspace';
import { MAX_RELATED } from '../../../server/src/core/checks/group/members';
import { member, SECRET, single } from '../../support/hostile-repo';

const secrets = ['KeyA', 'KeyB', 'KeyC', 'KeyEnc'].map(SECRET);

test('a 1,000-member group: every member is told, each diagnostic small, no key anywhere', () => {
  const ws = new Workspace();
  for (let i = 0; i < 1_000; i++) ws.set(`m${i}.cfg`, member(i, secrets), { retain: false });
  const byCode = new Map<string, number>();
  let related = 0;
  for (const uri of ws.uris()) {
    for (const d of ws.diagnostics(uri)!) {
      byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
      related += d.related.length;
      assert.ok(d.related.length <= MAX_RELATED + 1, `${d.code}: ${d.related.length} related entries`);
      assert.ok(d.message.length < 1_200, `${d.code}: ${d.message.length} characters`);
      const text = JSON.stringify(d);
      for (const secret of secrets) assert.ok(!text.includes(secret), `${d.code} carries a key`);
    }
  }
  assert.equal(byCode.get('group-too-large'), 1_000);
  // Half the members are on the other port; every clear key differs from two of the three; all 1,000 tie.
  assert.equal(byCode.get('group-setting-mismatch')! >= 500, true);
  assert.equal(byCode.get('priority-tie'), 1_000);
  assert.ok((byCode.get('cluster-key-unverifiable') ?? 0) > 0);
  assert.ok((byCode.get('pool-overlap') ?? 0) === 1_000);
  assert.ok(related <= 1_000 * 12 * (MAX_RELATED + 1), `${related} related entries in all`);
  const tooLarge = ws.diagnostics('m0.cfg')!.find((d) => d.code === 'group-too-large')!;
  assert.match(tooLarge.related[MAX_RELATED]!.message, /and 993 more are members of the group 10\.1\.255\.250\.$/);
  const tie = ws.diagnostics('m0.cfg')!.find((d) => d.code === 'priority-tie')!;
  assert.match(tie.message, /, and m\d+, m\d+, m\d+, m\d+ and 995 more have it too/);
});

test('2,000 single-member groups on one subnet: each is told of a few candidates, and how many there are', () => {
  const ws = new Workspace();
  for (let i = 0; i < 2_000; i++) ws.set(`s${i}.cfg`, single(i), { retain: false });
  let typos = 0;
  for (const uri of ws.uris()) {
    for (const d of ws.diagnostics(uri)!) {
      if (d.code !== 'probable-vip-typo') continue;
      typos++;
      assert.ok(d.related.length <= MAX_RELATED + 1);
      assert.ok(d.fixes.length <= 3);
      assert.ok(d.message.length < 1_000, `${d.message.length} characters`);
      assert.match(d.message, /and 1,994 more\)/);
    }
  }
  assert.equal(typos, 2_000);
});
