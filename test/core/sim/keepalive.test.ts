// The keepalive timeline: retries at 4, 8, 12, 16, 20 s and the director declared gone at 24 s.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DIRECTOR_GONE_AFTER_SECONDS,
  KEEPALIVE_RETRY_COUNT,
  KEEPALIVE_RETRY_INTERVAL_SECONDS,
  keepaliveTimeline,
} from '../../../server/src/core/sim/index';

test('the retry count and interval are the documented ones', () => {
  assert.equal(KEEPALIVE_RETRY_COUNT, 5);
  assert.equal(KEEPALIVE_RETRY_INTERVAL_SECONDS, 4);
  assert.equal(DIRECTOR_GONE_AFTER_SECONDS, 24);
});

test('the timeline runs from answered keepalives to the election at t = 24 s', () => {
  const timeline = keepaliveTimeline();
  assert.deepEqual(
    timeline.map((e) => [e.t, e.kind, e.attempt]),
    [
      [-3, 'keepalive-answered', undefined],
      [-2, 'keepalive-answered', undefined],
      [-1, 'keepalive-answered', undefined],
      [0, 'keepalive-unanswered', undefined],
      [4, 'retry', 1],
      [8, 'retry', 2],
      [12, 'retry', 3],
      [16, 'retry', 4],
      [20, 'retry', 5],
      [24, 'director-gone', undefined],
      [24, 'election', undefined],
    ],
  );
  assert.ok(timeline.every((e) => e.label.length > 0));
});

test('the number of answered keepalives shown first can be chosen', () => {
  assert.equal(keepaliveTimeline(0)[0]!.kind, 'keepalive-unanswered');
});
