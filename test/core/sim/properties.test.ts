// Properties of the redirect simulation over random scenarios (fast-check): conservation, safety, the director rule, order independence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  FULL_LOAD,
  simulate,
  toSimulateJson,
  validateScenario,
  type Scenario,
  type SimulationResult,
} from '../../../server/src/core/sim/index';

/** Random but valid scenarios: up to 7 members with distinct addresses (IPv4 and IPv6 mixed), failures of up members. */
const scenarioArbitrary = fc
  .record({
    type: fc.constantFrom('ssl' as const, 'ipsec' as const),
    connections: fc.integer({ min: 0, max: 40 }),
    members: fc.uniqueArray(
      fc.record({
        address: fc.oneof(
          fc.integer({ min: 1, max: 300 }).map((n) => `10.0.${n >> 8}.${n & 255}`),
          fc.integer({ min: 1, max: 300 }).map((n) => `2001:db8::${n.toString(16)}`),
        ),
        priority: fc.integer({ min: 1, max: 10 }),
        // Mostly up: three chances in four.
        up: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
        active: fc.integer({ min: 0, max: 60 }),
        limit: fc.integer({ min: 0, max: 50 }),
        inactive: fc.integer({ min: 0, max: 10 }),
      }),
      { minLength: 1, maxLength: 7, selector: (m) => m.address },
    ),
    useDirector: fc.boolean(),
    directorPick: fc.nat(),
    failures: fc.array(fc.record({ member: fc.nat(), before: fc.nat() }), { maxLength: 4 }),
  })
  .map((raw) => {
    const members = raw.members.map((m, i) => ({
      name: `asa${i}`,
      publicIp: m.address,
      priority: m.priority,
      up: m.up,
      [raw.type]: { active: m.active, limit: m.limit, ...(raw.type === 'ssl' ? { inactive: m.inactive } : {}) },
    }));
    const up = members.filter((m) => m.up);
    const director = raw.useDirector && up.length > 0 ? up[raw.directorPick % up.length]!.name : undefined;
    // Each up member fails at most once.
    const failing = [...new Set(raw.failures.map((f) => f.member % members.length))].filter((i) => members[i]!.up);
    const events = failing.map((i, k) => ({
      before: raw.failures[k]!.before % (raw.connections + 1),
      fail: members[i]!.name,
    }));
    return { type: raw.type, connections: raw.connections, members, events, ...(director ? { director } : {}) };
  });

function validated(json: unknown): Scenario {
  const result = validateScenario(json);
  assert.ok(result.ok, result.ok ? '' : result.error.text);
  return result.scenario;
}

/** Which members are down at each decision, rebuilt from the scenario and the failure records. */
function downAt(scenario: Scenario, result: SimulationResult): Set<string>[] {
  const down = new Set(scenario.members.filter((m) => !m.up).map((m) => m.name));
  const perDecision: Set<string>[] = [];
  let f = 0;
  for (let i = 0; i < result.decisions.length; i++) {
    while (f < result.failures.length && result.failures[f]!.atDecision <= i) down.add(result.failures[f++]!.member);
    perDecision.push(new Set(down));
  }
  return perDecision;
}

test('sessions are conserved: what was there plus what arrived equals what is there plus what was refused', () => {
  fc.assert(
    fc.property(scenarioArbitrary, (json) => {
      const scenario = validated(json);
      const result = simulate(scenario);
      const before = scenario.members.reduce((sum, m) => sum + m[scenario.type].active, 0);
      const after = result.final.reduce((sum, m) => sum + m.active, 0);
      assert.equal(before + scenario.connections, after + result.refused);
      const newSessions = result.decisions.filter((d) => !d.reconnect).length;
      assert.equal(newSessions, scenario.connections);
    }),
  );
});

test('no session is placed on a full or down member', () => {
  fc.assert(
    fc.property(scenarioArbitrary, (json) => {
      const scenario = validated(json);
      const result = simulate(scenario);
      const down = downAt(scenario, result);
      result.decisions.forEach((d, i) => {
        if (d.target === null) return;
        assert.ok(!down[i]!.has(d.target), `decision ${i} placed on down ${d.target}`);
        assert.ok(d.loads[d.target]! < FULL_LOAD, `decision ${i} placed on full ${d.target}`);
      });
    }),
  );
});

test('the director takes a session only when every other eligible member is at least 1 % above it', () => {
  fc.assert(
    fc.property(scenarioArbitrary, (json) => {
      const scenario = validated(json);
      const result = simulate(scenario);
      const down = downAt(scenario, result);
      result.decisions.forEach((d, i) => {
        const director = d.detail.decidedBy;
        const eligible = Object.keys(d.loads).filter((name) => !down[i]!.has(name) && d.loads[name]! < FULL_LOAD);
        const others = eligible.filter((name) => name !== director);
        if (d.rule === 'director') {
          assert.equal(d.target, director);
          for (const name of others)
            assert.ok(
              d.loads[name]! >= d.loads[director!]! + 1,
              `decision ${i}: ${name} is not 1 % above the director`,
            );
        } else if (director !== null && eligible.includes(director)) {
          // Conversely, an eligible director passes the session on only when some member is not 1 % above it.
          assert.ok(
            others.some((name) => d.loads[name]! <= d.loads[director]!),
            `decision ${i}: the director should have kept it`,
          );
        }
        if (d.rule === 'none') assert.equal(eligible.length, 0);
      });
    }),
  );
});

test('the rule reported is the step that actually decided', () => {
  fc.assert(
    fc.property(scenarioArbitrary, (json) => {
      const scenario = validated(json);
      const result = simulate(scenario);
      const down = downAt(scenario, result);
      result.decisions.forEach((d, i) => {
        if (d.target !== null && d.rule !== 'director') {
          const rivals = Object.keys(d.loads).filter(
            (n) => n !== d.detail.decidedBy && !down[i]!.has(n) && d.loads[n]! < FULL_LOAD,
          );
          const minLoad = Math.min(...rivals.map((n) => d.loads[n]!));
          assert.equal(d.loads[d.target], minLoad);
          const tied = rivals.filter((n) => d.loads[n] === minLoad);
          if (d.rule === 'lowest-load') assert.equal(tied.length, 1);
          else assert.ok(tied.length > 1);
          assert.deepEqual(d.detail.tiedWith.length > 0, d.rule !== 'lowest-load');
        }
      });
    }),
  );
});

test('results do not depend on the order the members are listed in', () => {
  const withOrder = scenarioArbitrary.chain((json) =>
    fc.tuple(
      fc.constant(json),
      fc.shuffledSubarray([...json.members.keys()], { minLength: json.members.length, maxLength: json.members.length }),
    ),
  );
  fc.assert(
    fc.property(withOrder, ([json, order]) => {
      const shuffled = { ...json, members: order.map((i) => json.members[i]!) };
      const a = toSimulateJson(simulate(validated(json)));
      const b = toSimulateJson(simulate(validated(shuffled)));
      assert.equal(JSON.stringify(b), JSON.stringify(a));
    }),
  );
});

test('the run is deterministic', () => {
  fc.assert(
    fc.property(scenarioArbitrary, (json) => {
      assert.deepEqual(simulate(validated(json)), simulate(validated(json)));
    }),
    { numRuns: 50 },
  );
});
