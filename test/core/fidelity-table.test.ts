// docs/fidelity.md stays true: every file and test it names exists, rows are numbered without gaps, and the counts
// it states are the counts of its rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const table = readFileSync(join(root, 'docs', 'fidelity.md'), 'utf8');

interface Row {
  n: number;
  where: string;
  differs: string;
  tests: string;
}

const rows: Row[] = table
  .split('\n')
  .map((line) => /^\| (\d+) \| (.*?) \| (.*?) \| (.*?) \| (.*?) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ n: Number(m[1]), where: m[3]!, differs: m[4]!, tests: m[5]! }));

const kind = (row: Row): 'differs' | 'not acted on' | 'implemented' =>
  row.differs.startsWith('Differs')
    ? 'differs'
    : row.differs.startsWith('Not acted on')
      ? 'not acted on'
      : 'implemented';

/** Backticked words that look like paths: `a/b.ts`, `fixtures/group/x--*`. */
const paths = (cell: string): string[] => [...cell.matchAll(/`([\w./*-]+\/[\w./*-]+)`/g)].map((m) => m[1]!);

function exists(path: string): boolean {
  if (!path.includes('*')) return existsSync(path);
  const dir = path.slice(0, path.lastIndexOf('/'));
  const pattern = new RegExp(
    `^${path
      .slice(path.lastIndexOf('/') + 1)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  return existsSync(dir) && readdirSync(dir).some((name) => pattern.test(name));
}

test('the rows are numbered 1..N without gaps', () => {
  assert.ok(rows.length > 50);
  assert.deepEqual(
    rows.map((r) => r.n),
    rows.map((_, i) => i + 1),
  );
});

test('the stated counts are the counts of the rows', () => {
  const count = (k: string): number => rows.filter((r) => kind(r) === k).length;
  const m =
    /\*\*Counts:\*\* (\d+) statements — (\d+) implemented as the chapter says, (\d+) implemented with a difference \(said in the row\),\s+(\d+) not acted on/.exec(
      table,
    );
  assert.ok(m, 'the counts sentence');
  assert.deepEqual(m.slice(1).map(Number), [
    rows.length,
    count('implemented'),
    count('differs'),
    count('not acted on'),
  ]);
});

test('every file and test the table names exists', () => {
  for (const row of rows) {
    for (const path of paths(row.where)) {
      const full =
        path.startsWith('client/') || path.startsWith('test/')
          ? join(root, path)
          : join(root, 'server', 'src', 'core', path);
      assert.ok(exists(full), `row ${row.n}: ${path}`);
    }
    for (const path of paths(row.tests)) assert.ok(exists(join(root, 'test', path)), `row ${row.n}: test ${path}`);
    if (kind(row) !== 'not acted on') assert.ok(paths(row.tests).length > 0, `row ${row.n} names no test`);
  }
});
