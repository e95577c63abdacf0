// Turns the `simulate` scenario JSON of `asa-lb simulate` into a validated Scenario, or one error naming the field at fault.
import { parseAddress, sameAddress, type Address } from '../net/address';
import { DEFAULT_PRIORITY } from './election';
import { scenarioError, type ScenarioError } from './scenario-error';
import type { FailEvent, Scenario, ScenarioMember, SessionCounts, SessionType } from './scenario';

/**
 * Counts above this are refused. Real units hold a few tens of thousands of sessions;
 * the bound keeps every load computation in exact integer arithmetic (see load.ts).
 */
export const MAX_SESSION_COUNT = 10_000_000;

/** Longer streams are refused: every session becomes a decision in the output, and a preview never needs more. */
export const MAX_CONNECTIONS = 100_000;

/** More members are refused: a group is tested up to 10, and checking names and addresses pairwise stays cheap. */
export const MAX_MEMBERS = 1_000;

/**
 * Every decision lists the load of every member, so the output grows with decisions × members; beyond this many
 * loads (10 members × 100,000 sessions is 1,000,000) a run would take gigabytes, so it is refused up front.
 */
export const MAX_DECISION_LOADS = 2_000_000;

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; error: ScenarioError };

type Result<T> = { ok: true; value: T } | { ok: false; error: ScenarioError };

const SCENARIO_FIELDS = ['type', 'director', 'connections', 'members', 'events'];
const MEMBER_FIELDS = ['name', 'publicIp', 'priority', 'up', 'ssl', 'ipsec'];
const SSL_FIELDS = ['active', 'limit', 'inactive'];
const IPSEC_FIELDS = ['active', 'limit'];
const EVENT_FIELDS = ['before', 'fail'];

/** Parses scenario text (a JSON document) and validates it. */
export function parseScenario(text: string): ScenarioValidation {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: scenarioError('scenario', `not valid JSON (${reason})`) };
  }
  return validateScenario(raw);
}

/**
 * Validates an already-parsed scenario and applies the scenario's defaults:
 * type `ssl`, director = election result, 1 connection, members up with priority 5,
 * missing counts 0, and a missing type block meaning a limit of 0 for that type.
 *
 * Decisions where the contract is silent:
 * - unknown fields are errors, so that a misspelt `conections` does not silently run one session;
 * - a block for the scenario's type without `limit` is an error ("limit missing where needed");
 *   a missing limit in the other type's block defaults to 0, since the run never reads it;
 * - `active` (or `active + inactive`) above `limit` is accepted: a configured limit can be lowered below
 *   the sessions a unit already holds; such a member is simply full;
 * - `inactive` exists only for SSL; duplicate names or duplicate public addresses are errors;
 * - the given director must be up, and a member cannot fail twice or fail while already down.
 */
export function validateScenario(raw: unknown): ScenarioValidation {
  if (!isRecord(raw)) return fail('scenario', 'must be a JSON object');
  const unknown = unknownField(raw, SCENARIO_FIELDS, '');
  if (unknown) return { ok: false, error: unknown };

  const type = readType(raw['type']);
  if (!type.ok) return type;

  const connections = readCount(raw['connections'], 'connections', 1, MAX_CONNECTIONS);
  if (!connections.ok) return connections;

  const members = readMembers(raw['members'], type.value);
  if (!members.ok) return members;

  const director = readDirector(raw['director'], members.value);
  if (!director.ok) return director;

  const events = readEvents(raw['events'], members.value, connections.value);
  if (!events.ok) return events;

  const size = outputSize(connections.value, members.value, events.value, type.value);
  if (size) return { ok: false, error: size };

  return {
    ok: true,
    scenario: {
      type: type.value,
      director: director.value,
      connections: connections.value,
      members: members.value,
      events: events.value,
    },
  };
}

/** Why the run's output would be too large, naming the field to lower, or null. */
function outputSize(
  connections: number,
  members: readonly ScenarioMember[],
  events: readonly FailEvent[],
  type: SessionType,
): ScenarioError | null {
  const loads = (decisions: number) => decisions * members.length;
  const count = (n: number) => n.toLocaleString('en');
  if (loads(connections) > MAX_DECISION_LOADS) {
    return scenarioError(
      'connections',
      `${count(connections)} sessions across ${count(members.length)} members make ${count(loads(connections))} member loads in the output; at most ${count(MAX_DECISION_LOADS)} (fewer connections or members)`,
    );
  }
  // A failed member's active sessions each reconnect as a decision of their own.
  const failed = new Set(events.map((e) => e.fail));
  const reconnects = members.filter((m) => failed.has(m.name)).reduce((sum, m) => sum + m[type].active, 0);
  if (loads(connections + reconnects) > MAX_DECISION_LOADS) {
    return scenarioError(
      'events',
      `the failed members' ${count(reconnects)} active sessions reconnect one by one, making ${count(loads(connections + reconnects))} member loads in the output; at most ${count(MAX_DECISION_LOADS)}`,
    );
  }
  return null;
}

function readType(raw: unknown): Result<SessionType> {
  if (raw === undefined) return { ok: true, value: 'ssl' };
  if (raw === 'ssl' || raw === 'ipsec') return { ok: true, value: raw };
  return fail('type', 'must be "ssl" or "ipsec"');
}

function readMembers(raw: unknown, type: SessionType): Result<ScenarioMember[]> {
  if (!Array.isArray(raw) || raw.length === 0) return fail('members', 'must be a non-empty array of members');
  if (raw.length > MAX_MEMBERS)
    return fail(
      'members',
      `at most ${MAX_MEMBERS.toLocaleString('en')} members, not ${raw.length.toLocaleString('en')}`,
    );
  const members: ScenarioMember[] = [];
  const addresses: Address[] = [];
  for (let i = 0; i < raw.length; i++) {
    const field = `members[${i}]`;
    const item: unknown = raw[i];
    if (!isRecord(item)) return fail(field, 'must be an object');
    const unknown = unknownField(item, MEMBER_FIELDS, field);
    if (unknown) return { ok: false, error: unknown };

    const name = item['name'];
    if (typeof name !== 'string' || name.trim() === '') return fail(`${field}.name`, 'must be a non-empty string');
    const sameName = members.findIndex((m) => m.name === name);
    if (sameName >= 0) return fail(`${field}.name`, `"${name}" is already used by members[${sameName}]`);

    const ipText = item['publicIp'];
    if (typeof ipText !== 'string') return fail(`${field}.publicIp`, 'must be an IPv4 or IPv6 address');
    const address = parseAddress(ipText.trim());
    if (!address) return fail(`${field}.publicIp`, `must be an IPv4 or IPv6 address, not "${ipText}"`);
    const sameIp = addresses.findIndex((a) => sameAddress(a, address));
    if (sameIp >= 0) return fail(`${field}.publicIp`, `${ipText} is already used by ${members[sameIp]!.name}`);

    const priority = item['priority'] ?? DEFAULT_PRIORITY;
    if (!Number.isInteger(priority) || (priority as number) < 1 || (priority as number) > 10) {
      return fail(`${field}.priority`, 'must be an integer from 1 to 10');
    }
    const up = item['up'] ?? true;
    if (typeof up !== 'boolean') return fail(`${field}.up`, 'must be true or false');

    const ssl = readCounts(item['ssl'], `${field}.ssl`, 'ssl', type === 'ssl');
    if (!ssl.ok) return ssl;
    const ipsec = readCounts(item['ipsec'], `${field}.ipsec`, 'ipsec', type === 'ipsec');
    if (!ipsec.ok) return ipsec;

    members.push({
      name,
      publicIp: ipText.trim(),
      priority: priority as number,
      up,
      ssl: ssl.value,
      ipsec: ipsec.value,
    });
    addresses.push(address);
  }
  return { ok: true, value: members };
}

function readCounts(raw: unknown, field: string, type: SessionType, needed: boolean): Result<SessionCounts> {
  // A missing block means the member cannot take this type.
  if (raw === undefined || raw === null) return { ok: true, value: { active: 0, limit: 0, inactive: 0 } };
  if (!isRecord(raw)) return fail(field, 'must be an object with active and limit');
  if (type === 'ipsec' && raw['inactive'] !== undefined)
    return fail(`${field}.inactive`, 'only SSL sessions can be inactive');
  const unknown = unknownField(raw, type === 'ssl' ? SSL_FIELDS : IPSEC_FIELDS, field);
  if (unknown) return { ok: false, error: unknown };
  if (needed && raw['limit'] === undefined) {
    return fail(
      `${field}.limit`,
      `missing; give the member's ${type === 'ssl' ? 'SSL' : 'IPsec'} session limit (0 if it takes none)`,
    );
  }
  const active = readCount(raw['active'], `${field}.active`, 0, MAX_SESSION_COUNT);
  if (!active.ok) return active;
  const limit = readCount(raw['limit'], `${field}.limit`, 0, MAX_SESSION_COUNT);
  if (!limit.ok) return limit;
  const inactive = readCount(raw['inactive'], `${field}.inactive`, 0, MAX_SESSION_COUNT);
  if (!inactive.ok) return inactive;
  return { ok: true, value: { active: active.value, limit: limit.value, inactive: inactive.value } };
}

function readDirector(raw: unknown, members: readonly ScenarioMember[]): Result<string | null> {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (typeof raw !== 'string') return fail('director', 'must be the name of a member');
  const member = members.find((m) => m.name === raw);
  if (!member) return fail('director', `no member is named "${raw}"`);
  if (!member.up) return fail('director', `"${raw}" is down (up: false) and cannot be the running director`);
  return { ok: true, value: raw };
}

function readEvents(raw: unknown, members: readonly ScenarioMember[], connections: number): Result<FailEvent[]> {
  if (raw === undefined || raw === null) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return fail('events', 'must be an array of { "before": k, "fail": NAME }');
  const events: { event: FailEvent; field: string }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const field = `events[${i}]`;
    const item: unknown = raw[i];
    if (!isRecord(item)) return fail(field, 'must be an object { "before": k, "fail": NAME }');
    const unknown = unknownField(item, EVENT_FIELDS, field);
    if (unknown) return { ok: false, error: unknown };
    const before = item['before'];
    if (!Number.isInteger(before) || (before as number) < 0 || (before as number) > connections) {
      return fail(`${field}.before`, `must be an integer from 0 to ${connections} (the number of connections)`);
    }
    const name = item['fail'];
    if (typeof name !== 'string') return fail(`${field}.fail`, 'must be the name of a member');
    if (!members.some((m) => m.name === name)) return fail(`${field}.fail`, `no member is named "${name}"`);
    events.push({ event: { before: before as number, fail: name }, field });
  }
  // Events happen in session order; Array.prototype.sort is stable, so same-`before` events keep their listed order.
  events.sort((a, b) => a.event.before - b.event.before);
  const down = new Set(members.filter((m) => !m.up).map((m) => m.name));
  for (const { event, field } of events) {
    if (down.has(event.fail)) {
      const initiallyDown = members.some((m) => m.name === event.fail && !m.up);
      return fail(
        `${field}.fail`,
        initiallyDown
          ? `"${event.fail}" is down from the start (up: false)`
          : `"${event.fail}" has already failed by then`,
      );
    }
    down.add(event.fail);
  }
  return { ok: true, value: events.map((e) => e.event) };
}

function readCount(raw: unknown, field: string, fallback: number, max: number): Result<number> {
  if (raw === undefined) return { ok: true, value: fallback };
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0)
    return fail(field, 'must be a non-negative integer');
  if (raw > max) return fail(field, `must be at most ${max}`);
  return { ok: true, value: raw };
}

function unknownField(record: Record<string, unknown>, known: readonly string[], field: string): ScenarioError | null {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      return scenarioError(
        field === '' ? key : `${field}.${key}`,
        `unknown field (expected one of ${known.join(', ')})`,
      );
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(field: string, message: string): { ok: false; error: ScenarioError } {
  return { ok: false, error: scenarioError(field, message) };
}
