// One redirect decision per case, each isolating one step of the redirect decision or one edge of the load arithmetic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseTarget, createRedirectState, newChoice, type RedirectRule } from '../../../server/src/core/sim/index';
import { decideOnce, scenarioOf, type Options, type Row } from './helpers';

interface Case {
  title: string;
  rows: Row[];
  options?: Options;
  target: string | null;
  rule: RedirectRule;
}

// The director is `d` in every case unless a case says otherwise; it is listed among the members like any unit.
const cases: Case[] = [
  // Step 3: the director keeps the session.
  {
    title: 'step 3: director takes it when every other eligible member is at least 1 % above it',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [1, 100] },
      { name: 'b', ip: '10.0.0.3', ssl: [5, 100] },
    ],
    options: { director: 'd' },
    target: 'd',
    rule: 'director',
  },
  {
    title: 'step 3: director alone takes it',
    rows: [{ name: 'd', ip: '10.0.0.1', ssl: [50, 100] }],
    options: { director: 'd' },
    target: 'd',
    rule: 'director',
  },
  {
    title: 'step 3: director takes it when the other members are down or cannot take the type',
    rows: [
      { name: 'd', ip: '10.0.0.2', ssl: [90, 100] },
      { name: 'down', ip: '10.0.0.1', up: false, ssl: [0, 100] },
      { name: 'nolimit', ip: '10.0.0.3' },
    ],
    options: { director: 'd' },
    target: 'd',
    rule: 'director',
  },
  {
    title: "step 3 does not apply when a member is at the director's load: the member gets it",
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [0, 100] },
    ],
    options: { director: 'd' },
    target: 'a',
    rule: 'lowest-load',
  },
  {
    title: 'director with equal-load members: the member with the lower address among equals gets it',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [3, 100] },
      { name: 'a', ip: '10.0.0.3', ssl: [3, 100] },
      { name: 'b', ip: '10.0.0.2', ssl: [3, 100] },
    ],
    options: { director: 'd' },
    target: 'b',
    rule: 'lowest-ip',
  },
  // Step 4: lowest load among the other eligible members.
  {
    title: 'step 4: the member with the lowest load gets it',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [5, 100] },
      { name: 'b', ip: '10.0.0.3', ssl: [3, 100] },
    ],
    options: { director: 'd' },
    target: 'b',
    rule: 'lowest-load',
  },
  {
    title: 'step 4: a full director passes the session on',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [100, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [99, 100] },
    ],
    options: { director: 'd' },
    target: 'a',
    rule: 'lowest-load',
  },
  {
    title: 'step 4: a down member is never chosen, however empty',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
      { name: 'down', ip: '10.0.0.2', up: false },
      { name: 'a', ip: '10.0.0.3', ssl: [4, 100] },
    ],
    options: { director: 'd' },
    target: 'a',
    rule: 'lowest-load',
  },
  // Step 5: fewest sessions among those tied on load.
  {
    title: 'step 5: tied on load (3 %), the member with fewer active sessions gets it',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [30, 1000] },
      { name: 'b', ip: '10.0.0.3', ssl: [3, 100] },
    ],
    options: { director: 'd' },
    target: 'b',
    rule: 'fewest-sessions',
  },
  // Step 6: lowest address among those tied on load and sessions.
  {
    title: 'step 6: tied on load and sessions, the lowest address gets it',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
      { name: 'b', ip: '10.0.0.3', ssl: [3, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [3, 100] },
    ],
    options: { director: 'd' },
    target: 'a',
    rule: 'lowest-ip',
  },
  {
    title: 'step 6: addresses compare numerically, 10.0.0.9 before 10.0.0.19',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
      { name: 'nineteen', ip: '10.0.0.19', ssl: [0, 100] },
      { name: 'nine', ip: '10.0.0.9', ssl: [0, 100] },
    ],
    options: { director: 'd' },
    target: 'nine',
    rule: 'lowest-ip',
  },
  {
    title: 'step 6: IPv4 members come before IPv6 members',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
      { name: 'v6', ip: '2001:db8::1', ssl: [0, 100] },
      { name: 'v4', ip: '203.0.113.250', ssl: [0, 100] },
    ],
    options: { director: 'd' },
    target: 'v4',
    rule: 'lowest-ip',
  },
  {
    title: 'step 6: IPv6 members compare by value (::9 before ::10, uncompressed spelling)',
    rows: [
      { name: 'd', ip: '2001:db8::1', ssl: [10, 100] },
      { name: 'ten', ip: '2001:db8::10', ssl: [0, 100] },
      { name: 'nine', ip: '2001:0db8:0000:0000:0000:0000:0000:0009', ssl: [0, 100] },
    ],
    options: { director: 'd' },
    target: 'nine',
    rule: 'lowest-ip',
  },
  // Step 7: refused.
  {
    title: 'step 7: all members full, the session is refused',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [100, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [7, 7] },
      { name: 'b', ip: '10.0.0.3', ssl: [200, 100] },
    ],
    options: { director: 'd' },
    target: null,
    rule: 'none',
  },
  {
    title: 'step 7: no member has a limit for the type',
    rows: [
      { name: 'd', ip: '10.0.0.1', ipsec: [0, 100] },
      { name: 'a', ip: '10.0.0.2', ipsec: [0, 100] },
    ],
    options: { director: 'd' },
    target: null,
    rule: 'none',
  },
  // Edges of the load arithmetic.
  {
    title: 'a member at exactly 100 % is full',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [50, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [100, 100] },
    ],
    options: { director: 'd' },
    target: 'd',
    rule: 'director',
  },
  {
    title: '99.5 % rounds to 100 %: full',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [100, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [199, 200] },
    ],
    options: { director: 'd' },
    target: null,
    rule: 'none',
  },
  {
    title: '99.25 % rounds to 99 %: still eligible',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [100, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [397, 400] },
    ],
    options: { director: 'd' },
    target: 'a',
    rule: 'lowest-load',
  },
  {
    title: '0.5 % rounds to 1 %: the empty director is 1 % below, so it keeps the session',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [1, 200] },
    ],
    options: { director: 'd' },
    target: 'd',
    rule: 'director',
  },
  {
    title: '0.33 % rounds to 0 %: level with the empty director, so the member gets it',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [1, 300] },
    ],
    options: { director: 'd' },
    target: 'a',
    rule: 'lowest-load',
  },
  {
    title: 'limit 0 means the member cannot take the type, even when empty',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [40, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [0, 0] },
    ],
    options: { director: 'd' },
    target: 'd',
    rule: 'director',
  },
  {
    title: 'inactive SSL sessions do not count towards the load',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [2, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [1, 100, 90] },
    ],
    options: { director: 'd' },
    target: 'a',
    rule: 'lowest-load',
  },
  {
    title: 'type ipsec reads the IPsec counts, not the SSL ones',
    rows: [
      { name: 'd', ip: '10.0.0.1', ssl: [0, 100], ipsec: [50, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [99, 100], ipsec: [10, 100] },
    ],
    options: { director: 'd', type: 'ipsec' },
    target: 'a',
    rule: 'lowest-load',
  },
];

for (const c of cases) {
  test(`redirect: ${c.title}`, () => {
    const decision = decideOnce(c.rows, c.options);
    assert.equal(decision.target, c.target);
    assert.equal(decision.rule, c.rule);
  });
}

test('loads are reported for every member, in address order, just before the decision', () => {
  const decision = decideOnce(
    [
      { name: 'b', ip: '10.0.0.19', ssl: [3, 100] },
      { name: 'a', ip: '10.0.0.9', ssl: [2, 250] },
    ],
    { director: 'b' },
  );
  assert.deepEqual(Object.entries(decision.loads), [
    ['a', 1],
    ['b', 3],
  ]);
});

test('the decision carries what an explanation needs', () => {
  const decision = decideOnce(
    [
      { name: 'd', ip: '10.0.0.1', ssl: [10, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [30, 1000] },
      { name: 'b', ip: '10.0.0.3', ssl: [3, 100] },
      { name: 'x', ip: '10.0.0.4', up: false },
    ],
    { director: 'd' },
  );
  assert.deepEqual(
    { ...decision.detail },
    {
      session: 0,
      reconnectFrom: null,
      decidedBy: 'd',
      targetIp: '10.0.0.3',
      targetLoad: 3,
      targetActive: 3,
      directorLoad: 10,
      lowestMember: { name: 'b', load: 3, active: 3 },
      tiedWith: ['a'],
      ineligible: [{ name: 'x', reason: 'down' }],
      loggedOffInactive: false,
    },
  );
});

test("chooseTarget reuses the caller's choice object and leaves the table unchanged", () => {
  const state = createRedirectState(
    scenarioOf([
      { name: 'd', ip: '10.0.0.1', ssl: [1, 100] },
      { name: 'a', ip: '10.0.0.2', ssl: [5, 100] },
    ]).members,
    'ssl',
    'd',
  );
  const choice = newChoice();
  const before = [...state.active];
  assert.equal(chooseTarget(state, choice), choice);
  assert.deepEqual(choice, { target: 0, rule: 'director' });
  assert.deepEqual([...state.active], before);
});
