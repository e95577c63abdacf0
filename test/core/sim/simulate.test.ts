// A stream of sessions: loads recomputed after each, failures with reconnects, director elections, inactive log-off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainDecision, explainElection, simulate, toSimulateJson } from '../../../server/src/core/sim/index';
import { run, scenarioOf, type Row } from './helpers';

const targets = (rows: Row[], options: Parameters<typeof run>[1]): (string | null)[] =>
  run(rows, options).decisions.map((d) => d.target);

test('the contract example runs as documented', () => {
  const result = run(
    [
      { name: 'asa1', ip: '10.0.0.9', priority: 5, up: true, ssl: [10, 100, 0], ipsec: [0, 100] },
      { name: 'asa2', ip: '10.0.0.19', priority: 7, ssl: [0, 100] },
    ],
    { type: 'ssl', director: 'asa2', connections: 3, events: [{ before: 2, fail: 'asa2' }] },
  );
  assert.deepEqual(toSimulateJson(result), {
    director: 'asa2',
    decisions: [
      { index: 0, target: 'asa2', rule: 'director', loads: { asa1: 10, asa2: 0 } },
      { index: 1, target: 'asa2', rule: 'director', loads: { asa1: 10, asa2: 1 } },
      { index: 2, target: 'asa1', rule: 'director', loads: { asa1: 10, asa2: 0 }, reconnect: true, director: 'asa1' },
      { index: 3, target: 'asa1', rule: 'director', loads: { asa1: 11, asa2: 0 }, reconnect: true },
      { index: 4, target: 'asa1', rule: 'director', loads: { asa1: 12, asa2: 0 } },
    ],
    final: { asa1: { active: 13, load: 13 }, asa2: { active: 0, load: 0 } },
  });
});

test('loads are recomputed after every placement', () => {
  // Limits of 10 make every session worth 10 %, so the director and the member take turns.
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [0, 10] },
    { name: 'm', ip: '10.0.0.2', ssl: [0, 10] },
  ];
  const result = run(rows, { director: 'd', connections: 5 });
  assert.deepEqual(
    result.decisions.map((d) => [d.target, d.rule]),
    [
      ['m', 'lowest-load'],
      ['d', 'director'],
      ['m', 'lowest-load'],
      ['d', 'director'],
      ['m', 'lowest-load'],
    ],
  );
  assert.deepEqual(
    result.decisions.map((d) => d.loads),
    [
      { d: 0, m: 0 },
      { d: 0, m: 10 },
      { d: 10, m: 10 },
      { d: 10, m: 20 },
      { d: 20, m: 20 },
    ],
  );
});

test('a full group refuses the rest of the stream', () => {
  const result = run(
    [
      { name: 'd', ip: '10.0.0.1', ssl: [1, 2] },
      { name: 'm', ip: '10.0.0.2', ssl: [0, 1] },
    ],
    { director: 'd', connections: 4 },
  );
  assert.deepEqual(
    result.decisions.map((d) => d.target),
    ['m', 'd', null, null],
  );
  assert.equal(result.refused, 2);
  assert.equal(result.placed, 2);
});

test('without a director in the scenario, the election picks it (highest priority, then lowest address)', () => {
  const rows: Row[] = [
    { name: 'a', ip: '10.0.0.19', priority: 8, ssl: [0, 100] },
    { name: 'b', ip: '10.0.0.9', priority: 8, ssl: [0, 100] },
    { name: 'c', ip: '10.0.0.1', priority: 3, ssl: [0, 100] },
  ];
  const result = run(rows, {});
  assert.equal(result.director, 'b');
  assert.equal(result.directorSource, 'elected');
  assert.equal(explainElection(result.election!), 'b has the lowest public IP of the 2 units at priority 8');
});

test('failure of a member: its sessions reconnect one by one and are placed by the same rules', () => {
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
    { name: 'a', ip: '10.0.0.2', ssl: [3, 100] },
    { name: 'b', ip: '10.0.0.3', ssl: [4, 100] },
  ];
  const result = run(rows, { director: 'd', connections: 2, events: [{ before: 1, fail: 'a' }] });
  assert.deepEqual(
    result.decisions.map((d) => [d.index, d.target, d.rule, d.reconnect ?? false, d.detail.session]),
    [
      [0, 'a', 'lowest-load', false, 0],
      [1, 'b', 'lowest-load', true, null],
      [2, 'b', 'lowest-load', true, null],
      [3, 'b', 'lowest-load', true, null],
      [4, 'b', 'lowest-load', true, null],
      [5, 'b', 'lowest-load', false, 1],
    ],
  );
  // The director did not change, so no decision announces one.
  assert.ok(result.decisions.every((d) => d.director === undefined));
  assert.deepEqual(result.failures, [
    {
      member: 'a',
      beforeSession: 1,
      atDecision: 1,
      wasDirector: false,
      droppedActive: 4,
      droppedInactive: 0,
      election: null,
    },
  ]);
  assert.deepEqual(
    result.final.map((m) => [m.name, m.up, m.active]),
    [
      ['d', true, 10],
      ['a', false, 0],
      ['b', true, 9],
    ],
  );
});

test('failure of the director: the remaining units elect a new one, and the next decision announces it', () => {
  const rows: Row[] = [
    { name: 'old', ip: '10.0.0.1', priority: 5, ssl: [2, 100] },
    { name: 'high', ip: '10.0.0.3', priority: 9, ssl: [20, 100] },
    { name: 'low', ip: '10.0.0.2', priority: 6, ssl: [20, 100] },
  ];
  const result = run(rows, { director: 'old', connections: 2, events: [{ before: 1, fail: 'old' }] });
  // No pre-emption: the priority-9 unit does not take over while the priority-5 director works.
  assert.equal(result.decisions[0]!.detail.decidedBy, 'old');
  assert.equal(result.decisions[0]!.target, 'old');
  const afterFailure = result.decisions.slice(1);
  assert.equal(afterFailure[0]!.director, 'high');
  assert.ok(afterFailure.slice(1).every((d) => d.director === undefined));
  assert.ok(afterFailure.every((d) => d.detail.decidedBy === 'high'));
  assert.equal(result.failures[0]!.election?.winner, 'high');
  assert.equal(result.finalDirector, 'high');
  // Three reconnects (two held plus the one placed before the failure) and one new session, placed on 20 % vs 20 %: the director is not 1 % below, so `low` gets the first.
  assert.deepEqual(
    afterFailure.map((d) => [d.target, d.rule, d.reconnect ?? false]),
    [
      ['low', 'lowest-load', true],
      ['high', 'director', true],
      ['low', 'lowest-load', true],
      ['high', 'director', false],
    ],
  );
});

test('failure of a director that held no sessions: the next new session carries the new director', () => {
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
    { name: 'm', ip: '10.0.0.2', ssl: [0, 100] },
  ];
  const result = run(rows, { director: 'd', connections: 1, events: [{ before: 0, fail: 'd' }] });
  assert.deepEqual(toSimulateJson(result).decisions, [
    { index: 0, target: 'm', rule: 'director', loads: { d: 0, m: 0 }, director: 'm' },
  ]);
});

test('the last unit failing leaves no director: reconnects are refused and announced with director null', () => {
  const rows: Row[] = [{ name: 'd', ip: '10.0.0.1', ssl: [2, 100] }];
  const result = run(rows, { director: 'd', connections: 1, events: [{ before: 0, fail: 'd' }] });
  assert.deepEqual(
    result.decisions.map((d) => [d.target, d.rule, d.director, d.reconnect ?? false]),
    [
      [null, 'none', null, true],
      [null, 'none', undefined, true],
      [null, 'none', undefined, false],
    ],
  );
  assert.equal(result.finalDirector, null);
});

test('a failure after the last new session still reconnects its sessions', () => {
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
    { name: 'm', ip: '10.0.0.2', ssl: [1, 100] },
  ];
  const result = run(rows, { director: 'd', connections: 1, events: [{ before: 1, fail: 'm' }] });
  assert.deepEqual(targets(rows, { director: 'd', connections: 1, events: [{ before: 1, fail: 'm' }] }), ['d', 'd']);
  assert.equal(result.decisions[1]!.reconnect, true);
});

test('several failures before the same session happen in the order listed', () => {
  const rows: Row[] = [
    { name: 'a', ip: '10.0.0.1', priority: 9, ssl: [1, 100] },
    { name: 'b', ip: '10.0.0.2', priority: 8, ssl: [0, 100] },
    { name: 'c', ip: '10.0.0.3', priority: 1, ssl: [0, 100] },
  ];
  const result = run(rows, {
    connections: 1,
    events: [
      { before: 0, fail: 'a' },
      { before: 0, fail: 'b' },
    ],
  });
  assert.deepEqual(
    result.failures.map((f) => [f.member, f.election?.winner]),
    [
      ['a', 'b'],
      ['b', 'c'],
    ],
  );
  assert.deepEqual(
    result.decisions.map((d) => [d.target, d.director, d.reconnect ?? false]),
    [
      // a's one session reconnects while b directs; b at 0 % is not below c, so c takes it. Then b fails too.
      ['c', 'b', true],
      ['c', 'c', false],
    ],
  );
});

test('step 8: a member at its limit counting inactive sessions logs off its longest-inactive one', () => {
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [9, 10] },
    { name: 'm', ip: '10.0.0.2', ssl: [8, 10, 2] },
  ];
  const result = run(rows, { director: 'd', connections: 2 });
  assert.deepEqual(
    result.decisions.map((d) => [d.target, d.detail.loggedOffInactive]),
    [
      ['m', true],
      ['m', true],
    ],
  );
  const m = result.final.find((f) => f.name === 'm')!;
  assert.deepEqual([m.active, m.inactive, m.load], [10, 0, 100]);
  assert.match(explainDecision(result.decisions[0]!, 'ssl'), /logs off its longest-inactive session/);
});

test('step 8 does not apply below the limit', () => {
  const result = run(
    [
      { name: 'd', ip: '10.0.0.1', ssl: [9, 10] },
      { name: 'm', ip: '10.0.0.2', ssl: [5, 10, 2] },
    ],
    { director: 'd', connections: 1 },
  );
  assert.equal(result.decisions[0]!.detail.loggedOffInactive, false);
  assert.equal(result.final.find((f) => f.name === 'm')!.inactive, 2);
});

test("a failed member's inactive sessions end without reconnecting", () => {
  const result = run(
    [
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
      { name: 'm', ip: '10.0.0.2', ssl: [1, 100, 5] },
    ],
    { director: 'd', connections: 0, events: [{ before: 0, fail: 'm' }] },
  );
  assert.equal(result.decisions.length, 1);
  assert.deepEqual([result.failures[0]!.droppedActive, result.failures[0]!.droppedInactive], [1, 5]);
});

test('nobody up: no director and every session refused', () => {
  const result = run([{ name: 'a', ip: '10.0.0.1', up: false, ssl: [0, 100] }], { connections: 2 });
  assert.equal(result.director, null);
  assert.equal(result.directorSource, 'none');
  assert.deepEqual(
    result.decisions.map((d) => d.rule),
    ['none', 'none'],
  );
});

test('explanations name the rule and the numbers that decided', () => {
  const base: Row[] = [{ name: 'd', ip: '10.0.0.1', ssl: [10, 100] }];
  const explain = (rows: Row[]): string => {
    const decision = run(rows, { director: 'd', connections: 1 }).decisions[0]!;
    return explainDecision(decision, 'ssl');
  };
  assert.equal(
    explain([...base, { name: 'a', ip: '10.0.0.2', ssl: [3, 100] }]),
    'a gets it: lowest load (3 %) among eligible members; director d passes it on: at 10 % it is not at least 1 % below a at 3 %',
  );
  assert.equal(
    explain([...base, { name: 'a', ip: '10.0.0.2', ssl: [30, 1000] }, { name: 'b', ip: '10.0.0.3', ssl: [3, 100] }]),
    'b gets it: tied at 3 % with a, it has the fewest SSL sessions (3); director d passes it on: at 10 % it is not at least 1 % below b at 3 %',
  );
  assert.equal(
    explain([...base, { name: 'a', ip: '10.0.0.2', ssl: [3, 100] }, { name: 'b', ip: '10.0.0.3', ssl: [3, 100] }]),
    'a gets it: tied at 3 % and 3 sessions with b, it has the lowest public IP (10.0.0.2); director d passes it on: at 10 % it is not at least 1 % below a at 3 %',
  );
  // Equal loads: the director is not below at all, and the sentence says so without claiming it is lower.
  assert.equal(
    explain([
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [0, 100] },
    ]),
    'a gets it: lowest load (0 %) among eligible members; director d passes it on: at 0 % it is not at least 1 % below a at 0 %',
  );
  assert.equal(
    explain([
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [3, 100] },
    ]),
    'd (director) keeps it: at 0 % it is at least 1 % below every other eligible member (lowest: a at 3 %)',
  );
  assert.equal(
    explain([{ name: 'd', ip: '10.0.0.1', ssl: [0, 100] }]),
    'd (director) takes it: no other member can take it',
  );
  assert.equal(
    explain([
      { name: 'd', ip: '10.0.0.1', ssl: [100, 100] },
      { name: 'a', ip: '10.0.0.2', up: false },
      { name: 'b', ip: '10.0.0.3' },
    ]),
    'refused: no member can take it (d is full, a is down, b has no SSL limit)',
  );
  assert.equal(
    explain([
      { name: 'd', ip: '10.0.0.1', ssl: [100, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [3, 100] },
    ]),
    'a gets it: lowest load (3 %) among eligible members; director d is full',
  );
});

test('a hand-built scenario with unordered or impossible events is run sensibly, never thrown on', () => {
  const scenario = scenarioOf(
    [
      { name: 'd', ip: '10.0.0.1', ssl: [1, 100] },
      { name: 'm', ip: '10.0.0.2', ssl: [1, 100] },
    ],
    { connections: 2 },
  );
  scenario.director = 'ghost';
  scenario.events = [
    { before: 2, fail: 'm' },
    { before: 1, fail: 'nobody' },
    { before: 0, fail: 'm' },
  ];
  const result = simulate(scenario);
  assert.equal(result.directorSource, 'elected');
  assert.deepEqual(
    result.failures.map((f) => [f.member, f.beforeSession]),
    [['m', 0]],
  );
  assert.equal(result.decisions.length, 3);
});
