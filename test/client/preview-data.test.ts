// The preview's pure data steps, shared by the page and the host: saved state read defensively and merged with a new
// group, scenarios built from it, show output matched by address value, and the chart's session counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupMessage } from '../../client/src/preview/messages';
import { isHostMessage, isPageMessage, persistedUri } from '../../client/src/preview/messages';
import { initialState, loadState, mergeGroup, withMember, type PageState } from '../../client/src/preview/page-state';
import {
  chooseDirector,
  nextSessionScenario,
  placementScenario,
  scenarioMembers,
} from '../../client/src/preview/scenarios';
import { applyShowOutput, limitFor } from '../../client/src/preview/import-show';
import { loadPercent } from '../../server/src/core/sim/load';
import { sessionSeries } from '../../client/src/preview/series';
import type { PreviewGroup, PreviewMember, SimulatedDecision } from '../../server/src/protocol';
import { parseShowVpnLoadBalancing } from '../../server/src/core/show/index';

function member(name: string, publicIp: string | null, extra: Partial<PreviewMember> = {}): PreviewMember {
  return {
    name,
    uri: `file:///${name}.cfg`,
    hostname: name,
    publicIp,
    priority: 5,
    priorityConfigured: true,
    participates: true,
    split: [],
    limits: { ipsec: null, ssl: null },
    ...extra,
  };
}

function group(members: PreviewMember[], predictedDirector: string | null = members[0]?.name ?? null): PreviewGroup {
  return {
    clusterIp: '192.0.2.100',
    clusterIpv6: null,
    port: 9023,
    encryption: false,
    members,
    predictedDirector,
    electionReason: null,
  };
}

function message(g: PreviewGroup, defaultSessionLimit = 250): GroupMessage {
  return {
    type: 'group',
    uri: g.members[0]!.uri,
    label: 'a.cfg',
    info: { inGroup: true, group: g, self: g.members[0]!.name, role: 'member' },
    defaultSessionLimit,
  };
}

const LOAD_STATE_CASES: { name: string; raw: unknown; check: (s: PageState) => void }[] = [
  { name: 'nothing saved', raw: undefined, check: (s) => assert.deepEqual(s, initialState()) },
  { name: 'another version', raw: { version: 2, uri: 'x' }, check: (s) => assert.equal(s.uri, null) },
  {
    name: 'a malformed member is dropped, a good one kept',
    raw: {
      version: 1,
      members: [
        { name: 'a', up: true, ipsec: { active: 1, limit: 2 }, ssl: { active: -1, limit: 2, inactive: 0 } },
        {
          name: 'b',
          up: false,
          ipsec: { active: 1, limit: 2 },
          ssl: { active: 0, limit: 2, inactive: 0 },
          sslLimitSource: 'imported',
        },
      ],
    },
    check: (s) =>
      assert.deepEqual(
        s.members.map((m) => [m.name, m.up, m.sslLimitSource, m.ipsecLimitSource]),
        [['b', false, 'imported', 'edited']],
      ),
  },
  {
    name: 'a placement out of range keeps the default',
    raw: { version: 1, placement: { type: 'tcp', count: 5000, fail: 7, failBefore: 3 } },
    check: (s) => assert.deepEqual(s.placement, { type: 'ssl', count: 20, fail: '', failBefore: 3 }),
  },
];

for (const c of LOAD_STATE_CASES) test(`saved state: ${c.name}`, () => c.check(loadState(c.raw)));

test('merging a group: limits from the config or the default, edits kept by name, other groups start afresh', () => {
  const g = group([member('a', '192.0.2.1', { limits: { ipsec: 100, ssl: null } }), member('b', '192.0.2.2')]);
  let state = mergeGroup(initialState(), message(g, 300));
  assert.deepEqual(
    state.members.map((m) => [m.name, m.ipsec.limit, m.ipsecLimitSource, m.ssl.limit, m.sslLimitSource]),
    [
      ['a', 100, 'config', 300, 'default'],
      ['b', 300, 'default', 300, 'default'],
    ],
  );
  state = withMember(state, 'b', (e) => ({ ...e, ssl: { ...e.ssl, active: 7, limit: 50 }, sslLimitSource: 'edited' }));
  // The config changes a's limit and b's default; b's edited SSL limit stays, its IPsec default follows.
  const changed = group([member('a', '192.0.2.1', { limits: { ipsec: 120, ssl: null } }), member('b', '192.0.2.2')]);
  state = mergeGroup(state, message(changed, 400));
  assert.deepEqual(
    state.members.map((m) => [m.name, m.ipsec.limit, m.ssl.limit, m.ssl.active]),
    [
      ['a', 120, 400, 0],
      ['b', 400, 50, 7],
    ],
  );
  const other = { ...changed, clusterIp: '192.0.2.200' };
  assert.equal(mergeGroup(state, message(other)).members.find((m) => m.name === 'b')!.ssl.active, 0);
});

test('a member called __proto__ or constructor is data like any other', () => {
  const g = group([member('__proto__', '192.0.2.1'), member('constructor', '192.0.2.2')]);
  const state = mergeGroup(initialState(), message(g));
  const restored = loadState(JSON.parse(JSON.stringify(state)));
  assert.deepEqual(
    restored.members.map((m) => m.name),
    ['__proto__', 'constructor'],
  );
  assert.deepEqual(
    scenarioMembers(g, restored).members.map((m) => m.name),
    ['__proto__', 'constructor'],
  );
  assert.equal(Object.getPrototypeOf(restored), Object.prototype);
});

test('scenarios: only participating members with an address; the chosen director unless it is down', () => {
  const g = group(
    [
      member('a', '192.0.2.1'),
      member('b', '192.0.2.2'),
      member('c', null),
      member('d', '192.0.2.4', { participates: false }),
    ],
    'a',
  );
  let state = mergeGroup(initialState(), message(g));
  const { members, excluded } = scenarioMembers(g, state);
  assert.deepEqual(
    members.map((m) => m.name),
    ['a', 'b'],
  );
  assert.deepEqual(excluded, [
    { name: 'c', reason: 'has no public (lbpublic) address' },
    { name: 'd', reason: 'does not participate' },
  ]);
  assert.equal(nextSessionScenario(g, state, 'ipsec')?.director, 'a');
  state = withMember(state, 'a', (e) => ({ ...e, up: false }));
  assert.deepEqual(chooseDirector(g, state, scenarioMembers(g, state).members), {
    director: undefined,
    note: 'a is down, so the units that are up elect a director.',
  });
  assert.equal(nextSessionScenario(g, state, 'ipsec')?.director, undefined);
  state = { ...state, placement: { type: 'ipsec', count: 5000, fail: '@director', failBefore: 9000 } };
  assert.deepEqual(placementScenario(g, state, 'b'), {
    type: 'ipsec',
    connections: 1000,
    members: scenarioMembers(g, state).members,
    director: 'b',
    events: [{ before: 1000, fail: 'b' }],
  });
});

test('show output fills members by address value, keeps limits the older layout lacks, and names the director', () => {
  const g = group([
    member('v6', '2001:db8:0:4200::12'),
    member('v4', '192.168.1.9', { limits: { ipsec: 111, ssl: 222 } }),
    member('other', '192.168.1.50'),
  ]);
  const state = mergeGroup(initialState(), message(g));
  const older = parseShowVpnLoadBalancing(
    [
      'Status : enabled',
      'Role : Master',
      'Cluster IP : 192.168.1.100',
      'Peers : 1',
      '',
      'Load %',
      'Sessions',
      'Public IP      Role  Pri Model      IPsec SSL IPsec SSL',
      '192.168.1.9    Master 7   ASA-5540 4      2   216   100',
      '192.168.1.19   Backup 9   ASA-5520 0      0    0    0',
    ].join('\n'),
  );
  assert.ok(older.ok);
  const { state: after, report } = applyShowOutput(state, g, older.value);
  // The capture's own loads are the starting state: 216 IPsec sessions at 4 % and 100 SSL at 2 %, not 216 of the
  // configured 111 (195 %). The older layout prints no limits, so limits that give those loads are set.
  assert.deepEqual(report, {
    matched: [{ name: 'v4', publicIp: '192.168.1.9' }],
    unmatched: ['192.168.1.19'],
    limitsKnown: false,
    derived: [
      { name: 'v4', type: 'ipsec', load: 4, limit: 5400 },
      { name: 'v4', type: 'ssl', load: 2, limit: 5000 },
    ],
    director: 'v4',
  });
  const v4 = after.members.find((m) => m.name === 'v4')!;
  assert.deepEqual(
    [v4.ipsec, v4.ssl.active, v4.ssl.limit, v4.sslLimitSource],
    [{ active: 216, limit: 5400 }, 100, 5000, 'imported'],
  );
  assert.deepEqual([loadPercent(v4.ipsec.active, v4.ipsec.limit), loadPercent(v4.ssl.active, v4.ssl.limit)], [4, 2]);
  // A configured limit that already gives the printed load is kept.
  const configured = group([member('v4', '192.168.1.9', { limits: { ipsec: 5000, ssl: 5000 } })]);
  const kept = applyShowOutput(mergeGroup(initialState(), message(configured)), configured, older.value);
  assert.deepEqual(kept.report.derived, []);
  assert.deepEqual([kept.state.members[0]!.ipsec.limit, kept.state.members[0]!.ipsecLimitSource], [5000, 'config']);
  assert.equal(after.director, 'v4');
  const v6show = {
    status: null,
    role: null,
    failover: null,
    encryption: null,
    clusterIp: null,
    peers: [
      {
        publicIp: '2001:db8:0000:4200:0:0:0:12',
        self: true,
        role: 'member' as const,
        priority: 5,
        model: null,
        ipsec: { limit: 10, active: 1, load: 10 },
        ssl: { limit: 20, active: 2, load: 10 },
      },
    ],
  };
  assert.deepEqual(applyShowOutput(state, g, v6show).report.matched, [
    { name: 'v6', publicIp: '2001:db8:0000:4200:0:0:0:12' },
  ]);
});

test('a limit is found for any printed load: the one nearest 100 × sessions / load that the director rounds to it', () => {
  for (const [active, load] of [
    [216, 4],
    [100, 2],
    [1, 1],
    [1, 0],
    [2, 1],
    [7, 33],
    [250, 100],
    [300, 99],
    [9999, 37],
  ] as const) {
    const limit = limitFor(active, load);
    assert.ok(limit !== null && loadPercent(active, limit) === load, `${active} at ${load} %: ${limit}`);
  }
  assert.equal(limitFor(0, 5), null, 'no sessions cannot make 5 %');
});

const decision = (index: number, target: string | null, reconnect = false): SimulatedDecision => ({
  index,
  target,
  rule: 'lowest-load',
  loads: {},
  explanation: '',
  ...(reconnect ? { reconnect: true as const } : {}),
});

test('the chart counts: each decision adds one to its target; the failed member drops to zero where it fails', () => {
  const start = [
    { name: 'a', active: 2 },
    { name: 'b', active: 0 },
  ];
  assert.deepEqual(sessionSeries(start, [decision(0, 'b'), decision(1, 'a'), decision(2, null)], null), {
    names: ['a', 'b'],
    points: [
      [2, 2, 3, 3],
      [0, 1, 1, 1],
    ],
    failureAt: null,
  });
  // a fails after one new session; its 3 sessions reconnect to b; then one more new session.
  const run = [
    decision(0, 'a'),
    decision(1, 'b', true),
    decision(2, 'b', true),
    decision(3, 'b', true),
    decision(4, 'b'),
  ];
  assert.deepEqual(sessionSeries(start, run, { name: 'a', before: 1 }), {
    names: ['a', 'b'],
    points: [
      [2, 3, 0, 0, 0, 0],
      [0, 0, 1, 2, 3, 4],
    ],
    failureAt: 1,
  });
  // A failure after the last session adds one point to show the drop.
  assert.deepEqual(sessionSeries(start, [decision(0, 'b')], { name: 'a', before: 1 }).points, [
    [2, 2, 0],
    [0, 1, 1],
  ]);
});

const PAGE_MESSAGES: [unknown, boolean][] = [
  [{ type: 'ready' }, true],
  [{ type: 'simulate', id: 1, scenario: {} }, true],
  [{ type: 'simulate', id: 1.5, scenario: {} }, false],
  [{ type: 'parseShow', id: 2, text: 'x'.repeat(1_000_001) }, false],
  [{ type: 'openMember', uri: 'file:///a.cfg' }, true],
  [{ type: 'runCommand', command: 'workbench.action.terminal.new' }, false],
  [
    {
      type: 'importMatchedNothing',
      source: 'the pasted text',
      captureClusterIp: '192.168.1.100',
      peers: ['192.168.1.9'],
      groupClusterIp: '209.165.202.140',
    },
    true,
  ],
  [
    {
      type: 'importMatchedNothing',
      source: 'the pasted text',
      captureClusterIp: null,
      peers: [42],
      groupClusterIp: '209.165.202.140',
    },
    false,
  ],
  [null, false],
];

for (const [value, ok] of PAGE_MESSAGES) {
  test(`the host ${ok ? 'accepts' : 'ignores'} the page message ${JSON.stringify(value)?.slice(0, 60)}`, () =>
    assert.equal(isPageMessage(value), ok));
}

test('the page ignores malformed host messages, and the serializer reads only a string uri', () => {
  assert.equal(isHostMessage({ type: 'group', uri: 'u', defaultSessionLimit: 250, info: null }), true);
  assert.equal(isHostMessage({ type: 'simulated', id: 'x', result: {} }), false);
  assert.equal(isHostMessage('group'), false);
  assert.equal(persistedUri({ uri: 'file:///a.cfg', version: 1 }), 'file:///a.cfg');
  assert.equal(persistedUri({ uri: 42 }), null);
  assert.equal(persistedUri(undefined), null);
});
