// Director election: priority, then the lowest address by value; only up, participating units stand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  DEFAULT_PRIORITY,
  electDirector,
  runningDirector,
  type ElectionCandidate,
} from '../../../server/src/core/sim/index';

type Named = ElectionCandidate & { name: string };

const cases: { title: string; members: Named[]; winner: string | null; rule?: 'priority' | 'lowest-ip' }[] = [
  {
    title: 'the highest priority wins',
    members: [
      { name: 'a', publicIp: '10.0.0.1', priority: 5 },
      { name: 'b', publicIp: '10.0.0.2', priority: 9 },
    ],
    winner: 'b',
    rule: 'priority',
  },
  {
    title: 'equal priorities: lowest address, compared numerically (10.0.0.9 before 10.0.0.19)',
    members: [
      { name: 'nineteen', publicIp: '10.0.0.19', priority: 7 },
      { name: 'nine', publicIp: '10.0.0.9', priority: 7 },
    ],
    winner: 'nine',
    rule: 'lowest-ip',
  },
  {
    title: 'priority defaults to 5',
    members: [
      { name: 'unset', publicIp: '10.0.0.1' },
      { name: 'six', publicIp: '10.0.0.2', priority: 6 },
      { name: 'four', publicIp: '10.0.0.0', priority: 4 },
    ],
    winner: 'six',
    rule: 'priority',
  },
  {
    title: 'IPv4 before IPv6 on a priority tie',
    members: [
      { name: 'v6', publicIp: '2001:db8::1' },
      { name: 'v4', publicIp: '192.0.2.200' },
    ],
    winner: 'v4',
    rule: 'lowest-ip',
  },
  {
    title: 'IPv6 compared by value, whatever the spelling',
    members: [
      { name: 'ten', publicIp: '2001:db8::10' },
      { name: 'nine', publicIp: '2001:0db8:0000:0000:0000:0000:0000:0009' },
    ],
    winner: 'nine',
    rule: 'lowest-ip',
  },
  {
    title: 'down and non-participating units do not stand',
    members: [
      { name: 'down', publicIp: '10.0.0.1', priority: 10, up: false },
      { name: 'idle', publicIp: '10.0.0.2', priority: 10, participates: false },
      { name: 'left', publicIp: '10.0.0.3', priority: 1 },
    ],
    winner: 'left',
    rule: 'priority',
  },
  {
    title: 'a unit without a usable address loses the address tie-break',
    members: [
      { name: 'unknown', publicIp: null },
      { name: 'known', publicIp: '203.0.113.9' },
    ],
    winner: 'known',
    rule: 'lowest-ip',
  },
  { title: 'nobody up: no director', members: [{ name: 'a', publicIp: '10.0.0.1', up: false }], winner: null },
  { title: 'empty group: no director', members: [], winner: null },
];

for (const c of cases) {
  test(`election: ${c.title}`, () => {
    const result = electDirector(c.members);
    assert.equal(result?.winner.name ?? null, c.winner);
    if (c.rule) assert.equal(result?.rule, c.rule);
  });
}

test("election reports candidates, ties and the winner's index", () => {
  const members: Named[] = [
    { name: 'a', publicIp: '10.0.0.30', priority: 8 },
    { name: 'b', publicIp: '10.0.0.20', priority: 8 },
    { name: 'c', publicIp: '10.0.0.10', priority: 2 },
  ];
  const result = electDirector(members);
  assert.deepEqual(
    { name: result?.winner.name, index: result?.index, candidates: result?.candidates, tied: result?.tiedOnPriority },
    { name: 'b', index: 1, candidates: 3, tied: 2 },
  );
  assert.equal(DEFAULT_PRIORITY, 5);
});

test('the election does not depend on the order units are listed in', () => {
  const unit = fc.record({ priority: fc.integer({ min: 1, max: 10 }), up: fc.boolean() });
  const units = fc.array(unit, { minLength: 1, maxLength: 8 });
  const withOrder = units.chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.shuffledSubarray([...list.keys()], { minLength: list.length, maxLength: list.length }),
    ),
  );
  fc.assert(
    fc.property(withOrder, ([list, order]) => {
      const members: Named[] = list.map((u, i) => ({
        ...u,
        name: `asa${i}`,
        publicIp: `10.0.${i % 3}.${(i * 37) % 250}`,
      }));
      const shuffled = order.map((i) => members[i]!);
      assert.equal(electDirector(shuffled)?.winner.name, electDirector(members)?.winner.name);
    }),
  );
});

test('no pre-emption: a running director keeps the role when a higher-priority unit joins', () => {
  const members: Named[] = [
    { name: 'running', publicIp: '10.0.0.2', priority: 3 },
    { name: 'joined', publicIp: '10.0.0.1', priority: 10 },
  ];
  const result = runningDirector('running', members);
  assert.deepEqual([result.director?.name, result.kept, result.election], ['running', true, null]);
});

test('a director that is gone is replaced by an election among the units that are up', () => {
  const members: Named[] = [
    { name: 'running', publicIp: '10.0.0.2', priority: 3, up: false },
    { name: 'b', publicIp: '10.0.0.3', priority: 6 },
    { name: 'c', publicIp: '10.0.0.4', priority: 6 },
  ];
  const result = runningDirector('running', members);
  assert.deepEqual([result.director?.name, result.kept, result.election?.rule], ['b', false, 'lowest-ip']);
  assert.equal(runningDirector(null, members).director?.name, 'b');
  assert.equal(runningDirector('running', [members[0]!]).director, null);
});
