// Shorthand for building scenarios in tests: members as compact rows, validated exactly as the CLI would.
import assert from 'node:assert/strict';
import {
  simulate,
  validateScenario,
  type Decision,
  type Scenario,
  type SimulationResult,
} from '../../../server/src/core/sim/index';

/** A member row: `ssl`/`ipsec` as [active, limit] or [active, limit, inactive]. */
export interface Row {
  name: string;
  ip: string;
  priority?: number;
  up?: boolean;
  ssl?: [number, number] | [number, number, number];
  ipsec?: [number, number];
}

export interface Options {
  type?: 'ssl' | 'ipsec';
  director?: string;
  connections?: number;
  events?: { before: number; fail: string }[];
}

/** The scenario JSON the CLI would read, built from rows. */
export function scenarioJson(rows: readonly Row[], options: Options = {}): Record<string, unknown> {
  return {
    ...(options.type ? { type: options.type } : {}),
    ...(options.director ? { director: options.director } : {}),
    ...(options.connections !== undefined ? { connections: options.connections } : {}),
    ...(options.events ? { events: options.events } : {}),
    members: rows.map((r) => ({
      name: r.name,
      publicIp: r.ip,
      ...(r.priority !== undefined ? { priority: r.priority } : {}),
      ...(r.up !== undefined ? { up: r.up } : {}),
      ...(r.ssl
        ? { ssl: { active: r.ssl[0], limit: r.ssl[1], ...(r.ssl[2] !== undefined ? { inactive: r.ssl[2] } : {}) } }
        : {}),
      ...(r.ipsec ? { ipsec: { active: r.ipsec[0], limit: r.ipsec[1] } } : {}),
    })),
  };
}

export function scenarioOf(rows: readonly Row[], options: Options = {}): Scenario {
  const validation = validateScenario(scenarioJson(rows, options));
  assert.ok(validation.ok, validation.ok ? '' : validation.error.text);
  return validation.scenario;
}

export function run(rows: readonly Row[], options: Options = {}): SimulationResult {
  return simulate(scenarioOf(rows, options));
}

/** The first decision of a one-session run. */
export function decideOnce(rows: readonly Row[], options: Options = {}): Decision {
  const result = run(rows, { connections: 1, ...options });
  assert.equal(result.decisions.length, 1);
  return result.decisions[0]!;
}
