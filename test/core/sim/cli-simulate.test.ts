// `runSimulate` as the CLI main calls it: fixture files in, stdout/stderr/exit code out, golden outputs beside the fixtures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { assertGolden } from '../../support/golden';
import { runSimulate, simulateText } from '../../../server/src/cli/simulate';

const scenario = (name: string): string => fileURLToPath(new URL(`../../fixtures/scenarios/${name}`, import.meta.url));

/** Compares with the golden file beside the fixtures (UPDATE_GOLDEN=1 rewrites it; then review the diff). */
function assertGoldenOutput(actual: string, goldenName: string): void {
  assertGolden(actual, scenario(goldenName));
}

const valid = ['contract-example', 'four-units-director-fails', 'ipsec-full-group'];

for (const name of valid) {
  test(`simulate ${name}.json --format json matches its golden output`, async () => {
    const result = await runSimulate(scenario(`${name}.json`), { format: 'json' });
    assert.equal(result.exitCode, 0);
    assert.equal(result.stderr, '');
    assert.doesNotThrow(() => JSON.parse(result.stdout));
    assertGoldenOutput(result.stdout, `${name}.expected.json`);
  });
  test(`simulate ${name}.json --format text matches its golden output`, async () => {
    const result = await runSimulate(scenario(`${name}.json`), { format: 'text' });
    assert.equal(result.exitCode, 0);
    assert.equal(result.stderr, '');
    assertGoldenOutput(result.stdout, `${name}.expected.txt`);
  });
}

test("the JSON output carries the contract's fields, extended only by the optional assumptions", async () => {
  const json = JSON.parse(
    (await runSimulate(scenario('four-units-director-fails.json'), { format: 'json' })).stdout,
  ) as Record<string, unknown>;
  assert.deepEqual(Object.keys(json), ['director', 'decisions', 'final', 'assumptions']);
  for (const decision of json['decisions'] as Record<string, unknown>[]) {
    for (const key of Object.keys(decision))
      assert.ok(['index', 'target', 'rule', 'loads', 'reconnect', 'director', 'assumptions'].includes(key), key);
  }
  // Without a decision that relies on one, the document is exactly the contract's.
  const plain = JSON.parse((await runSimulate(scenario('contract-example.json'), { format: 'json' })).stdout) as Record<
    string,
    unknown
  >;
  assert.deepEqual(Object.keys(plain), ['director', 'decisions', 'final']);
  for (const member of Object.values(json['final'] as Record<string, Record<string, unknown>>))
    assert.deepEqual(Object.keys(member), ['active', 'load']);
});

const invalid: [file: string, message: RegExp][] = [
  ['not-json.json', /not-json\.json: scenario: not valid JSON \(/],
  ['unknown-director.json', /unknown-director\.json: director: no member is named "asa3"$/],
  ['unknown-event-member.json', /unknown-event-member\.json: events\[0\]\.fail: no member is named "asa7"$/],
  ['negative-count.json', /negative-count\.json: members\[1\]\.ssl\.active: must be a non-negative integer$/],
  ['missing-limit.json', /missing-limit\.json: members\[0\]\.ipsec\.limit: missing; /],
  ['duplicate-name.json', /duplicate-name\.json: members\[1\]\.name: "asa1" is already used by members\[0\]$/],
  [
    'bad-public-ip.json',
    /bad-public-ip\.json: members\[0\]\.publicIp: must be an IPv4 or IPv6 address, not "10\.0\.0\.300"$/,
  ],
];

for (const [file, message] of invalid) {
  test(`simulate ${file}: exit 2 with one line naming the field`, async () => {
    for (const format of ['json', 'text'] as const) {
      const result = await runSimulate(scenario(file), { format });
      assert.equal(result.exitCode, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^[^\n]+\n$/);
      assert.match(result.stderr.trimEnd(), message);
    }
  });
}

test('a missing file: exit 2, one line', async () => {
  const result = await runSimulate(scenario('no-such-scenario.json'), { format: 'json' });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /^cannot read .*no-such-scenario\.json: no such file\n$/);
});

test('a folder instead of a file: exit 2, one line', async () => {
  const result = await runSimulate(scenario(''), { format: 'text' });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /^cannot read .*: it is a folder, not a file\n$/);
});

test('an unknown format: exit 2', () => {
  const result = simulateText('{}', { format: 'yaml' as 'json' });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /unknown format "yaml"/);
});

test('text output explains each decision and ends with the final loads', () => {
  const result = simulateText(readFileSync(scenario('contract-example.json'), 'utf8'), { format: 'text' });
  const lines = result.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^SSL redirect simulation: 3 new sessions across 2 members\.$/);
  assert.ok(lines.some((l) => /#2 +reconnect +asa1 \(director\) takes it/.test(l)));
  assert.ok(lines.some((l) => /asa2 fails before session 2; it was the director/.test(l)));
  assert.equal(lines.at(-1), 'Placed 5, refused 0.');
});

/** `count` members, each able to take any number of sessions, on distinct addresses. */
const manyMembers = (count: number, active = 0) =>
  Array.from({ length: count }, (_, i) => ({
    name: `asa${i}`,
    publicIp: `10.${i >> 8}.${i & 255}.1`,
    ssl: { active, limit: 10_000_000 },
  }));

test('a run whose output would grow past the bound is refused up front, naming the field (exit 2)', () => {
  const result = simulateText(
    JSON.stringify({ connections: 100_000, members: manyMembers(300) }),
    { format: 'json' },
    'big.json',
  );
  assert.equal(result.exitCode, 2);
  assert.equal(result.stdout, '');
  assert.match(
    result.stderr,
    /^big\.json: connections: 100,000 sessions across 300 members make 30,000,000 member loads in the output; at most 2,000,000/,
  );
  const members = simulateText(JSON.stringify({ members: manyMembers(1_001) }), { format: 'text' });
  assert.match(members.stderr, /members: at most 1,000 members, not 1,001/);
  assert.equal(members.exitCode, 2);
});

test('reconnects of a failed member count towards the bound', () => {
  const members = manyMembers(10, 0);
  members[0]!.ssl.active = 5_000_000;
  const result = simulateText(JSON.stringify({ connections: 10, members, events: [{ before: 1, fail: 'asa0' }] }), {
    format: 'json',
  });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /events: the failed members' 5,000,000 active sessions reconnect one by one/);
});

test('a run at the bound (10 members, 100,000 sessions) still completes', () => {
  const result = simulateText(JSON.stringify({ connections: 100_000, members: manyMembers(10) }), { format: 'json' });
  assert.equal(result.exitCode, 0);
  assert.equal((JSON.parse(result.stdout) as { decisions: unknown[] }).decisions.length, 100_000);
});
