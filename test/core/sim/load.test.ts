// Load percentages: exact round-half-up, limit 0 as full.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FULL_LOAD, isFull, loadPercent } from '../../../server/src/core/sim/index';

const cases: [active: number, limit: number, load: number, why: string][] = [
  [2, 250, 1, '0.8 % rounds up (the corpus sample)'],
  [1, 200, 1, '0.5 % rounds half up'],
  [1, 300, 0, '0.33 % rounds down'],
  [199, 200, 100, '99.5 % rounds up to 100, which is full'],
  [398, 400, 100, '99.5 % again, with other numbers'],
  [397, 400, 99, '99.25 % stays below full'],
  [100, 100, 100, 'exactly 100 %'],
  [150, 100, 150, 'over the limit'],
  [0, 100, 0, 'empty'],
  [0, 0, 100, 'limit 0: cannot take the type'],
  [5, 0, 100, 'limit 0 with sessions'],
  [1, 3, 33, '33.33 %'],
  [2, 3, 67, '66.67 %'],
  [1, 8, 13, '12.5 % rounds half up'],
  [10_000_000, 10_000_000, 100, 'the largest counts the validator accepts'],
  [5_000_001, 10_000_000, 50, '50.00001 %'],
];

for (const [active, limit, load, why] of cases) {
  test(`load ${active}/${limit} = ${load} % (${why})`, () => {
    assert.equal(loadPercent(active, limit), load);
  });
}

test('full means 100 % or more', () => {
  assert.equal(FULL_LOAD, 100);
  assert.equal(isFull(99), false);
  assert.equal(isFull(100), true);
  assert.equal(isFull(101), true);
});

test('load is round-half-up of the exact fraction, checked with big integers', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (active, limit) => {
      const r = BigInt(loadPercent(active, limit));
      const [a, l] = [BigInt(active), BigInt(limit)];
      // r is the rounded value of 100a/l exactly when r - 1/2 <= 100a/l < r + 1/2, i.e. 2lr - l <= 200a < 2lr + l.
      assert.ok(2n * l * r - l <= 200n * a && 200n * a < 2n * l * r + l, `${active}/${limit} -> ${r}`);
    }),
  );
});
