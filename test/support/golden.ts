// Golden files, one rule for every test that has them: a missing or different file fails the test, and only
// UPDATE_GOLDEN=1 writes them (then review the diff). A test never compares against a file it has just written.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** True when the run was asked to refresh generated files (UPDATE_GOLDEN=1). */
export function refreshing(): boolean {
  return process.env['UPDATE_GOLDEN'] === '1';
}

/**
 * Compares `actual` with the golden file at `path`. With UPDATE_GOLDEN=1 it writes the file instead. `explain`, when
 * given, describes a difference more readably than a whole-file diff.
 */
export function assertGolden(
  actual: string,
  path: string,
  explain?: (expected: string, actual: string) => string,
): void {
  if (refreshing()) {
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${path} is missing: run the tests with UPDATE_GOLDEN=1 and review the new file`);
  const expected = readFileSync(path, 'utf8');
  if (explain && actual !== expected) {
    assert.fail(
      `${path}: drifted from its golden file\n${explain(expected, actual)}\nIf the change is intended, run with UPDATE_GOLDEN=1 and review the diff.`,
    );
  }
  assert.equal(
    actual,
    expected,
    `${path} differs: if the change is intended, run with UPDATE_GOLDEN=1 and review the diff`,
  );
}
