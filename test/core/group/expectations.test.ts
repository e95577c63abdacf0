// The expectation reader itself: columns, lengths, the column-0 marker, fragments, stripped lines, and loud typos.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../../../server/src/core/types';
import { compareExpectations, readExpectations } from './expectations';

const FIXTURE = [
  'vpn load-balancing',
  '!< information priority-tie',
  ' cluster port 9024',
  '!             ^^^^ error group-setting-mismatch "port 9023"',
  '!             ^^^^ warning other-code',
  '! an ordinary comment stays',
  ' participate',
].join('\r\n');

function diagnostic(
  line: number,
  start: number,
  end: number,
  severity: Diagnostic['severity'],
  code: string,
  message = '',
): Diagnostic {
  // Codes the product does not know are written on purpose, to test how expectations read them.
  return {
    code: code as Diagnostic['code'],
    severity,
    message,
    range: { start: { line, character: start }, end: { line, character: end } },
    related: [],
    fixes: [],
  };
}

test('expectation lines are removed, other lines (and their CRLF) kept', () => {
  const { text } = readExpectations(FIXTURE);
  assert.equal(
    text,
    ['vpn load-balancing', ' cluster port 9024', '! an ordinary comment stays', ' participate'].join('\r\n'),
  );
});

test('carets give the start column and length on the line above; consecutive expectations share that line', () => {
  const { expectations } = readExpectations(FIXTURE);
  assert.deepEqual(
    expectations.map((e) => [e.line, e.character, e.length, e.severity, e.code, e.fragment]),
    [
      [0, 0, null, 'information', 'priority-tie', null],
      [1, 14, 4, 'error', 'group-setting-mismatch', 'port 9023'],
      [1, 14, 4, 'warning', 'other-code', null],
    ],
  );
});

test('a malformed expectation fails loudly instead of passing as a comment', () => {
  assert.throws(() => readExpectations('x\n!  ^^^ eror group-setting-mismatch\n'), /malformed expectation/);
  assert.throws(() => readExpectations('!^ error group-setting-mismatch\n'), /needs a line above/);
});

test('comparison reports what is missing and what is extra', () => {
  const { expectations } = readExpectations(FIXTURE);
  const { missing, extra } = compareExpectations(expectations, [
    diagnostic(0, 0, 18, 'information', 'priority-tie'),
    diagnostic(1, 14, 18, 'error', 'group-setting-mismatch', 'but 3 of 4 members use port 9023.'),
    diagnostic(1, 14, 17, 'warning', 'other-code'),
    diagnostic(3, 1, 12, 'hint', 'single-member-group'),
  ]);
  assert.equal(missing.length, 1);
  assert.match(missing[0]!, /other-code/);
  assert.equal(extra.length, 2);
  assert.match(extra[0]!, /2:15, length 3 warning other-code/);
  assert.match(extra[1]!, /single-member-group/);
});

test('a fragment must occur in the message', () => {
  const { expectations } = readExpectations('x\n!^ error a-code "needle"\n');
  assert.deepEqual(compareExpectations(expectations, [diagnostic(0, 1, 2, 'error', 'a-code', 'a needle here')]), {
    missing: [],
    extra: [],
  });
  assert.equal(compareExpectations(expectations, [diagnostic(0, 1, 2, 'error', 'a-code', 'hay')]).missing.length, 1);
});
