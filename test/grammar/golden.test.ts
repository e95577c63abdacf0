// Golden-file tests: every fixture's tokens and scopes must match its committed `.scopes.txt`; run with UPDATE_GOLDEN=1 to refresh them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertGolden } from '../support/golden';
import { FIXTURES_DIR, formatScopes, tokenizeText } from './textmate';

const GOLDEN_SUFFIX = '.scopes.txt';

/** Fixtures are the ASA texts in the folder: everything except the golden files and the NOTICE. */
const fixtures = readdirSync(FIXTURES_DIR)
  .filter((name) => /\.(asa|cfg|txt)$/.test(name) && !name.endsWith(GOLDEN_SUFFIX))
  .sort();

test('the grammar fixture folder has fixtures', () => {
  assert.ok(fixtures.length >= 10, `expected at least 10 fixtures in ${FIXTURES_DIR}, found ${fixtures.length}`);
});

for (const name of fixtures) {
  test(`scopes of ${name} match ${name}${GOLDEN_SUFFIX}`, async () => {
    const actual = formatScopes(await tokenizeText(readFileSync(join(FIXTURES_DIR, name), 'utf8')));
    assertGolden(actual, join(FIXTURES_DIR, name + GOLDEN_SUFFIX), firstDifference);
  });
}

/** A short report of the first differing golden line, with the source line it belongs to, instead of a diff of the whole file. */
function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] === a[i]) continue;
    const source = [...a.slice(0, i + 1)].reverse().find((l) => /^\d+: /.test(l)) ?? '';
    return `at golden line ${i + 1} (source ${source.split(':')[0] || '?'}: ${source.slice(source.indexOf(' ') + 1)})\n  expected: ${e[i] ?? '<end of file>'}\n  actual:   ${a[i] ?? '<end of file>'}`;
  }
  return 'the files differ only in line endings';
}
