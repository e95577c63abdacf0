// Fuzzes the core with mutated real configs: analysis never throws, every range lies inside the document, and
// every quick fix applies cleanly. FUZZ_RUNS scales the run (default sized for CI: over 100,000 cases in all; the
// everyday `npm run test:unit` runs a tenth, with the same seed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeDocument } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes/edits';
import type { Diagnostic, Range } from '../../server/src/core/types';
import { readFixture } from '../support/fixtures';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? '') || 1;
const cases = (n: number): number => Math.max(1, Math.round(n * RUNS));
// A fixed seed keeps CI deterministic; FUZZ_SEED=random (or a number) explores further. A failure prints its seed.
const SEED = process.env['FUZZ_SEED'] === 'random' ? Date.now() : Number(process.env['FUZZ_SEED'] ?? '') || 20261124;
const fixtures = join(import.meta.dirname, '..', 'fixtures');

// Seeds: every checks fixture file, the examples and the corpus.
const seeds: string[] = [];
for (const name of readdirSync(join(fixtures, 'checks')))
  for (const f of readFixture(join(fixtures, 'checks', name))) seeds.push(f.text);
for (const name of readdirSync(join(import.meta.dirname, '..', 'examples')))
  seeds.push(readFileSync(join(import.meta.dirname, '..', 'examples', name), 'utf8'));
for (const name of readdirSync(join(fixtures, 'corpus')).filter((n) => n !== 'NOTICE'))
  seeds.push(readFileSync(join(fixtures, 'corpus', name), 'utf8'));

const noise = fc.oneof(
  fc.constantFrom(
    '\r\n',
    '\r',
    '\t',
    '\u0000',
    '\uFFFD',
    ' ',
    '  ',
    '!',
    ':',
    '#',
    '(config)#',
    'asa1(config-load-balancing)# ',
    'no ',
    'vpn load-balancing',
    ' cluster',
    ' participate',
    ' interface lbpublic ',
    '2001:db8::1',
    '999.1.1.1',
    '-',
    '/',
    '*****',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constant('x'.repeat(5000)),
);

/** A mutation of a seed: lines deleted, duplicated, swapped, truncated, or noise inserted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(
      fc.tuple(
        fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'truncate', 'crlf', 'tabs'),
        fc.nat(),
        fc.nat(),
        noise,
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([seed, ops]) => {
    let lines = seed.split('\n');
    let text = '';
    for (const [op, a, b, piece] of ops) {
      const i = a % Math.max(lines.length, 1);
      const j = b % Math.max(lines.length, 1);
      if (op === 'delete') lines.splice(i, 1);
      else if (op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
      else if (op === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      else if (op === 'insert') {
        const line = lines[i] ?? '';
        const at = b % (line.length + 1);
        lines[i] = line.slice(0, at) + piece + line.slice(at);
      } else if (op === 'truncate') lines = lines.slice(0, i + 1);
      else if (op === 'crlf') lines = lines.map((l, k) => (k % 2 ? l + '\r' : l));
      else if (op === 'tabs') lines = lines.map((l) => l.replace(/^ /, '\t'));
    }
    text = lines.join('\n');
    return text;
  });

/** Far above any message the checks write, far below a quoted 5,000-character word. */
const MAX_MESSAGE = 1000;

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function inside(range: Range, lengths: number[]): boolean {
  const ok = (p: Range['start']) =>
    p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line]!;
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

function checkDocument(text: string): Diagnostic[] {
  const { diagnostics } = analyzeDocument('fuzz.cfg', text);
  const lengths = lineLengths(text);
  for (const d of diagnostics) {
    assert.ok(inside(d.range, lengths), `${d.code} range outside the document: ${JSON.stringify(d.range)}`);
    for (const r of d.related)
      if (r.uri === 'fuzz.cfg') assert.ok(inside(r.range, lengths), `${d.code} related range outside the document`);
    for (const fix of d.fixes)
      for (const e of fix.edits)
        assert.ok(inside(e.range, lengths), `${d.code} fix '${fix.title}' edits outside the document`);
    // However long the words of the config, messages stay readable: long words are shortened where quoted.
    for (const text of [d.message, ...d.related.map((r) => r.message), ...d.fixes.map((f) => f.title)])
      assert.ok(text.length <= MAX_MESSAGE, `${d.code} message of ${text.length} characters`);
  }
  return diagnostics;
}

test(`fuzz: analysis of mutated configs never throws and keeps every range inside the document (${cases(80_000)} cases)`, () => {
  fc.assert(
    fc.property(mutated, (text) => void checkDocument(text)),
    { numRuns: cases(80_000), seed: SEED },
  );
});

test(`fuzz: arbitrary text, including binary, never throws (${cases(20_000)} cases)`, () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.string({ maxLength: 400 }),
      ),
      (text) => void checkDocument(text),
    ),
    { numRuns: cases(20_000), seed: SEED },
  );
});

test(`fuzz: every quick fix on a mutated config applies cleanly and removes its diagnostic (${cases(5_000)} cases)`, () => {
  fc.assert(
    fc.property(mutated, (text) => {
      const diagnostics = checkDocument(text);
      for (const d of diagnostics) {
        for (const fix of d.fixes) {
          const fixed = applyEdits(text, fix.edits);
          const after = checkDocument(fixed);
          const before = diagnostics.filter((x) => x.code === d.code).length;
          assert.ok(
            after.filter((x) => x.code === d.code).length < before,
            `'${fix.title}' did not remove ${d.code}\n--- before\n${text}\n--- after\n${fixed}`,
          );
        }
      }
    }),
    { numRuns: cases(5_000), seed: SEED },
  );
});
