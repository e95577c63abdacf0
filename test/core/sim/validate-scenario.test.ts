// Scenario validation: the contract's defaults, and one message per kind of bad input, each naming the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_CONNECTIONS, parseScenario, validateScenario } from '../../../server/src/core/sim/index';

const asa1 = { name: 'asa1', publicIp: '10.0.0.9', ssl: { active: 1, limit: 100 } };
const asa2 = { name: 'asa2', publicIp: '10.0.0.19', ssl: { active: 0, limit: 100 } };
const withMembers = (extra: Record<string, unknown>, members: unknown[] = [asa1, asa2]): Record<string, unknown> => ({
  members,
  ...extra,
});

test('defaults: type ssl, 1 connection, no director (elected later), up, priority 5, counts 0, missing block = limit 0', () => {
  const result = validateScenario({ members: [{ name: 'asa1', publicIp: '10.0.0.9', ssl: { limit: 10 } }] });
  assert.ok(result.ok);
  assert.deepEqual(result.scenario, {
    type: 'ssl',
    director: null,
    connections: 1,
    events: [],
    members: [
      {
        name: 'asa1',
        publicIp: '10.0.0.9',
        priority: 5,
        up: true,
        ssl: { active: 0, limit: 10, inactive: 0 },
        ipsec: { active: 0, limit: 0, inactive: 0 },
      },
    ],
  });
});

test("accepted oddities: sessions above the limit, null for optional fields, the other type's limit missing", () => {
  const result = validateScenario({
    director: null,
    events: null,
    members: [
      {
        name: 'a',
        publicIp: ' 2001:db8::1 ',
        priority: null,
        ssl: { active: 120, limit: 100, inactive: 9 },
        ipsec: { active: 3 },
      },
    ],
  });
  assert.ok(result.ok, result.ok ? '' : result.error.text);
  assert.equal(result.scenario.members[0]!.publicIp, '2001:db8::1');
  assert.equal(result.scenario.members[0]!.ipsec.limit, 0);
});

test('events are put in session order, keeping the listed order for the same session', () => {
  const result = validateScenario(
    withMembers(
      {
        connections: 3,
        events: [
          { before: 2, fail: 'asa1' },
          { before: 0, fail: 'asa2' },
        ],
      },
      [asa1, asa2, { ...asa2, name: 'asa3', publicIp: '10.0.0.3' }],
    ),
  );
  assert.ok(result.ok);
  assert.deepEqual(result.scenario.events, [
    { before: 0, fail: 'asa2' },
    { before: 2, fail: 'asa1' },
  ]);
});

const errors: [title: string, input: unknown, text: string][] = [
  ['not an object', [1, 2], 'scenario: must be a JSON object'],
  [
    'unknown top-level field',
    withMembers({ conections: 3 }),
    'conections: unknown field (expected one of type, director, connections, members, events)',
  ],
  ['unknown type', withMembers({ type: 'l2tp' }), 'type: must be "ssl" or "ipsec"'],
  ['negative connections', withMembers({ connections: -1 }), 'connections: must be a non-negative integer'],
  ['fractional connections', withMembers({ connections: 1.5 }), 'connections: must be a non-negative integer'],
  ['connections as text', withMembers({ connections: '3' }), 'connections: must be a non-negative integer'],
  [
    'too many connections',
    withMembers({ connections: MAX_CONNECTIONS + 1 }),
    `connections: must be at most ${MAX_CONNECTIONS}`,
  ],
  ['no members', { members: [] }, 'members: must be a non-empty array of members'],
  ['members not an array', { members: {} }, 'members: must be a non-empty array of members'],
  ['member not an object', { members: [asa1, 'asa2'] }, 'members[1]: must be an object'],
  [
    'unknown member field',
    { members: [{ ...asa1, sessions: 3 }] },
    'members[0].sessions: unknown field (expected one of name, publicIp, priority, up, ssl, ipsec)',
  ],
  ['missing name', { members: [{ publicIp: '10.0.0.1' }] }, 'members[0].name: must be a non-empty string'],
  ['blank name', { members: [{ name: ' ', publicIp: '10.0.0.1' }] }, 'members[0].name: must be a non-empty string'],
  [
    'duplicate name',
    { members: [asa1, { ...asa2, name: 'asa1' }] },
    'members[1].name: "asa1" is already used by members[0]',
  ],
  ['missing publicIp', { members: [{ name: 'a' }] }, 'members[0].publicIp: must be an IPv4 or IPv6 address'],
  [
    'bad publicIp',
    { members: [{ name: 'a', publicIp: '10.0.0.256' }] },
    'members[0].publicIp: must be an IPv4 or IPv6 address, not "10.0.0.256"',
  ],
  [
    'shorthand IPv4 is not an address here',
    { members: [{ name: 'a', publicIp: '10.1' }] },
    'members[0].publicIp: must be an IPv4 or IPv6 address, not "10.1"',
  ],
  [
    'duplicate publicIp by value',
    {
      members: [
        { name: 'a', publicIp: '2001:db8::1' },
        { name: 'b', publicIp: '2001:db8:0:0::1' },
      ],
    },
    'members[1].publicIp: 2001:db8:0:0::1 is already used by a',
  ],
  [
    'priority out of range',
    { members: [{ ...asa1, priority: 11 }] },
    'members[0].priority: must be an integer from 1 to 10',
  ],
  ['priority zero', { members: [{ ...asa1, priority: 0 }] }, 'members[0].priority: must be an integer from 1 to 10'],
  ['up not boolean', { members: [{ ...asa1, up: 'yes' }] }, 'members[0].up: must be true or false'],
  [
    'type block not an object',
    { members: [{ ...asa1, ssl: 5 }] },
    'members[0].ssl: must be an object with active and limit',
  ],
  [
    'negative active',
    { members: [asa1, { ...asa2, ssl: { active: -1, limit: 100 } }] },
    'members[1].ssl.active: must be a non-negative integer',
  ],
  [
    'fractional limit',
    { members: [{ ...asa1, ssl: { active: 0, limit: 99.5 } }] },
    'members[0].ssl.limit: must be a non-negative integer',
  ],
  [
    'negative inactive',
    { members: [{ ...asa1, ssl: { active: 0, limit: 9, inactive: -2 } }] },
    'members[0].ssl.inactive: must be a non-negative integer',
  ],
  [
    'huge count',
    { members: [{ ...asa1, ssl: { active: 1e12, limit: 9 } }] },
    'members[0].ssl.active: must be at most 10000000',
  ],
  [
    'limit missing where needed',
    { members: [{ ...asa1, ssl: { active: 3 } }] },
    "members[0].ssl.limit: missing; give the member's SSL session limit (0 if it takes none)",
  ],
  [
    'limit missing for ipsec runs',
    { type: 'ipsec', members: [{ ...asa1, ipsec: { active: 3 } }] },
    "members[0].ipsec.limit: missing; give the member's IPsec session limit (0 if it takes none)",
  ],
  [
    'inactive IPsec sessions',
    { members: [{ ...asa1, ipsec: { active: 0, limit: 5, inactive: 1 } }] },
    'members[0].ipsec.inactive: only SSL sessions can be inactive',
  ],
  [
    'unknown count field',
    { members: [{ ...asa1, ssl: { active: 0, limit: 5, max: 1 } }] },
    'members[0].ssl.max: unknown field (expected one of active, limit, inactive)',
  ],
  ['director not a string', withMembers({ director: 2 }), 'director: must be the name of a member'],
  ['unknown director', withMembers({ director: 'asa9' }), 'director: no member is named "asa9"'],
  [
    'director down',
    withMembers({ director: 'asa2' }, [asa1, { ...asa2, up: false }]),
    'director: "asa2" is down (up: false) and cannot be the running director',
  ],
  [
    'events not an array',
    withMembers({ events: { before: 0, fail: 'asa1' } }),
    'events: must be an array of { "before": k, "fail": NAME }',
  ],
  [
    'event not an object',
    withMembers({ events: ['asa1'] }),
    'events[0]: must be an object { "before": k, "fail": NAME }',
  ],
  [
    'unknown event field',
    withMembers({ events: [{ before: 0, fail: 'asa1', at: 3 }] }),
    'events[0].at: unknown field (expected one of before, fail)',
  ],
  [
    'event before negative',
    withMembers({ connections: 3, events: [{ before: -1, fail: 'asa1' }] }),
    'events[0].before: must be an integer from 0 to 3 (the number of connections)',
  ],
  [
    'event before past the stream',
    withMembers({ connections: 3, events: [{ before: 4, fail: 'asa1' }] }),
    'events[0].before: must be an integer from 0 to 3 (the number of connections)',
  ],
  [
    'event before missing',
    withMembers({ events: [{ fail: 'asa1' }] }),
    'events[0].before: must be an integer from 0 to 1 (the number of connections)',
  ],
  [
    'event fails an unknown member',
    withMembers({ events: [{ before: 0, fail: 'asa3' }] }),
    'events[0].fail: no member is named "asa3"',
  ],
  ['event fail missing', withMembers({ events: [{ before: 0 }] }), 'events[0].fail: must be the name of a member'],
  [
    'event fails a member that is down',
    withMembers({ events: [{ before: 0, fail: 'asa2' }] }, [asa1, { ...asa2, up: false }]),
    'events[0].fail: "asa2" is down from the start (up: false)',
  ],
  [
    'event fails a member twice',
    withMembers({
      connections: 2,
      events: [
        { before: 2, fail: 'asa1' },
        { before: 1, fail: 'asa1' },
      ],
    }),
    'events[0].fail: "asa1" has already failed by then',
  ],
];

for (const [title, input, text] of errors) {
  test(`invalid scenario: ${title}`, () => {
    const result = validateScenario(input);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.text, text);
    assert.equal(result.error.text, `${result.error.field}: ${result.error.message}`);
    assert.ok(!result.error.text.includes('\n'), 'the message is one line');
  });
}

test('text that is not JSON names the document and says why', () => {
  const result = parseScenario('{ "members": [ }');
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.field, 'scenario');
  assert.match(result.error.text, /^scenario: not valid JSON \(.+\)$/);
});

test('parseScenario accepts what validateScenario accepts', () => {
  const result = parseScenario(JSON.stringify({ members: [asa1] }));
  assert.ok(result.ok);
});
