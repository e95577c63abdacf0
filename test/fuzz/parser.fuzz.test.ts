// Fuzzes the parse of one command line: whatever the words, their case, the white space between them and the line's
// length, parsing by a shape another line taught gives exactly what chevrotain's lexer and the grammar give.
// FUZZ_RUNS and FUZZ_SEED as in core.fuzz.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lexerKeywords } from '../../server/src/core/commands/table';
import { parseByGrammar, parseByShape, parseCommand } from '../../server/src/core/syntax/parser';
import type { AbbreviationMode } from '../../server/src/core/syntax/abbreviations';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? '') || 1;
const cases = (n: number): number => Math.max(1, Math.round(n * RUNS));
const SEED = process.env['FUZZ_SEED'] === 'random' ? Date.now() : Number(process.env['FUZZ_SEED'] ?? '') || 20261206;

/** A keyword in mixed case (`NameIf`), or a prefix of one (`prio`, `clu`). */
const keyword = fc
  .tuple(fc.constantFrom(...lexerKeywords()), fc.array(fc.boolean(), { maxLength: 48 }), fc.nat())
  .map(([word, upper, cut]) => {
    const cased = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
    return cut % 4 === 0 ? cased.slice(0, 1 + (cut % cased.length)) : cased;
  });
const octet = fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('0', '00', '1000', ''));
const ipv4 = fc.array(octet, { minLength: 3, maxLength: 5 }).map((parts) => parts.join('.'));
const word = fc.oneof(
  { weight: 6, arbitrary: keyword },
  { weight: 2, arbitrary: ipv4 },
  { weight: 1, arbitrary: fc.tuple(ipv4, ipv4).map(([a, b]) => `${a}-${b}`) },
  { weight: 1, arbitrary: fc.tuple(ipv4, fc.constantFrom('x', ':', '/24', ',')).map(([a, b]) => a + b) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '2001:db8::1',
      '2001:DB8:0:4200::12/64',
      '::',
      '::/0',
      ':',
      'fe80::1%outside',
      '1:2:3:4:5:6:7:8/129',
      'a:b:c.d',
      'g::1',
      '::ffff:192.0.2.1',
    ),
  },
  { weight: 2, arbitrary: fc.nat().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '007', '9'.repeat(40), '-1', '+1', '1e3', '12ab') },
  { weight: 2, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,12}$/) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('outside', 'inside-12', 'GigabitEthernet0/1', 'no', 'NO', 'x'.repeat(300)) },
);
const space = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(' ', '  ', '\t', ' \t ') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u00a0',
      '\f',
      '\v',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u1680',
      '\r',
      '\n',
      '\u2028',
      '\u0085',
    ),
  },
);
/** A command line: leading space, words, the spaces between them (a long line now and then), trailing space. */
const line = fc
  .tuple(
    fc.oneof(fc.constant(''), space),
    fc.oneof(
      { weight: 5, arbitrary: fc.array(fc.tuple(word, space), { minLength: 0, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.array(fc.tuple(word, space), { minLength: 60, maxLength: 90 }) },
    ),
    fc.oneof(fc.constant(''), space),
  )
  .map(([lead, words, trail]) => lead + words.map(([w, s], i) => (i ? s : '') + w).join('') + trail);
const mode = fc.constantFrom<AbbreviationMode | null>(null, null, 'lb', 'config');

test(`fuzz: a line parsed by a known shape equals the grammar's parse (${cases(20_000)} cases)`, () => {
  let byShape = 0;
  const seen = new Set<string>();
  fc.assert(
    fc.property(line, fc.nat({ max: 12 }), mode, (text, columnOffset, abbreviations) => {
      const expected = parseByGrammar(text, columnOffset, abbreviations);
      // A shape taught by earlier lines with other words, then the one this line teaches.
      const before = parseByShape(text, columnOffset, abbreviations);
      if (before) assert.deepEqual(before, expected);
      assert.deepEqual(parseCommand(text, columnOffset, abbreviations), expected);
      const after = parseByShape(text, columnOffset, abbreviations);
      if (after) {
        byShape++;
        assert.deepEqual(after, expected);
      } else if (!seen.has(`${columnOffset} ${abbreviations} ${text}`))
        // (A line parsed before is answered from the line cache, and teaches nothing if the shapes were dropped since.)
        assert.match(text, /[^\x20-\x7e\t]/, 'a plain line teaches its shape');
      seen.add(`${columnOffset} ${abbreviations} ${text}`);
    }),
    { numRuns: cases(20_000), seed: SEED },
  );
  assert.ok(byShape > cases(20_000) / 4, `${byShape} lines parsed by shape`);
});
