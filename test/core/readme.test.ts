// The README's diagnostics table is generated from the code table; this test fails when they drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refreshing } from '../support/golden';
import { diagnosticsTable, TABLE_END, TABLE_START } from '../support/readme-table';

test('README diagnostics table matches the code table', () => {
  const path = join(import.meta.dirname, '..', '..', 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  assert.ok(start >= 0 && end > start, 'README.md lacks the diagnostics table markers');
  const current = readme.slice(start + TABLE_START.length, end).trim();
  const expected = diagnosticsTable();
  if (refreshing() && current !== expected) {
    writeFileSync(path, readme.slice(0, start + TABLE_START.length) + '\n' + expected + '\n' + readme.slice(end));
    return;
  }
  assert.equal(current, expected);
});
