// The simulator's readings that the chapter does not state are reported as assumptions, on exactly the decisions and
// elections that relied on them, in the JSON, the CLI text and the preview's explanations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toSimulateJson } from '../../../server/src/core/sim/index';
import { simulateText } from '../../../server/src/cli/simulate';
import { simulateRequest } from '../../../server/src/lsp/simulate';
import { run, scenarioJson, type Row } from './helpers';

test('a member with a limit of 0 for the type: the decisions name the assumption that it takes none', () => {
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
    { name: 'm', ip: '10.0.0.2', ssl: [0, 0] },
  ];
  const json = toSimulateJson(run(rows, { director: 'd', connections: 1 }));
  assert.deepEqual(json.decisions[0]!.assumptions, ['limit-zero-ineligible']);
  assert.deepEqual(
    json.assumptions?.map((a) => a.id),
    ['limit-zero-ineligible'],
  );
});

test('a tie settled between an IPv4 and an IPv6 address names the IPv4-first assumption; a tie within IPv4 does not', () => {
  const mixed: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [50, 100] },
    { name: 'v6', ip: '2001:db8::2', ssl: [0, 100] },
    { name: 'v4', ip: '10.0.0.9', ssl: [0, 100] },
  ];
  const first = toSimulateJson(run(mixed, { director: 'd', connections: 1 })).decisions[0]!;
  assert.equal(first.target, 'v4');
  assert.equal(first.rule, 'lowest-ip');
  assert.deepEqual(first.assumptions, ['fewest-sessions-per-type', 'ipv4-before-ipv6']);
  const v4only: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [50, 100] },
    { name: 'a', ip: '10.0.0.3', ssl: [0, 100] },
    { name: 'b', ip: '10.0.0.9', ssl: [0, 100] },
  ];
  assert.deepEqual(toSimulateJson(run(v4only, { director: 'd', connections: 1 })).decisions[0]!.assumptions, [
    'fewest-sessions-per-type',
  ]);
});

test('a decision by lowest load relies on no assumption and carries no assumptions field', () => {
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [50, 100] },
    { name: 'm', ip: '10.0.0.2', ssl: [0, 100] },
  ];
  const json = toSimulateJson(run(rows, { director: 'd', connections: 1 }));
  assert.equal('assumptions' in json.decisions[0]!, false);
  assert.equal('assumptions' in json, false);
});

test('an election among equal priorities says which address the product compares, in text and in the preview', () => {
  const rows: Row[] = [
    { name: 'a', ip: '10.0.0.9', priority: 7, ssl: [0, 100] },
    { name: 'b', ip: '10.0.0.3', priority: 7, ssl: [0, 100] },
  ];
  const text = simulateText(JSON.stringify(scenarioJson(rows, { connections: 1 })), { format: 'text' }).stdout;
  assert.match(text, /^Director at the start: b \(elected: .*\) \[assumption 1\]\.$/m);
  assert.match(
    text,
    /Assumptions \(the product's readings where the chapter is silent or open\):\n {2}1\. Of units with the same priority .* public addresses\./,
  );
  const preview = simulateRequest({ scenario: scenarioJson(rows, { connections: 1 }) });
  assert.ok(preview.ok);
  assert.match(preview.elections[0]!, /Assumption: Of units with the same priority/);
});

test('the preview explanation of a decision says its assumption after the decision', () => {
  const rows: Row[] = [
    { name: 'd', ip: '10.0.0.1', ssl: [0, 100] },
    { name: 'm', ip: '10.0.0.2', ssl: [0, 0] },
  ];
  const preview = simulateRequest({ scenario: scenarioJson(rows, { director: 'd', connections: 1 }) });
  assert.ok(preview.ok);
  assert.match(
    preview.decisions[0]!.explanation,
    /^d \(director\) takes it: no other member can take it\. Assumption: A member whose session limit for this type is 0 takes no session of the type \(the chapter does not say\)$/,
  );
});
