// Guards against catastrophic backtracking: every fixture line, long hostile lines and a 100,000-line file must tokenise quickly.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { countTokens, FIXTURES_DIR, loadAsaGrammar, splitLines, tokenizeText } from './textmate';

// The bounds are generous on purpose (a slow CI machine must not fail them); a regex that backtracks
// catastrophically misses them by orders of magnitude, so they still catch the defect they guard against.
const PER_LINE_MS = 250;
const HOSTILE_LINE_MS = 500;
const LARGE_FILE_MS = 60_000;

const fixtureTexts = readdirSync(FIXTURES_DIR)
  .filter((name) => /\.(asa|cfg|txt)$/.test(name) && !name.endsWith('.scopes.txt'))
  .map((name) => ({ name, text: readFileSync(join(FIXTURES_DIR, name), 'utf8') }));

before(async () => {
  // Load the grammar and WebAssembly once, and warm the regex caches, so the first timed line does not pay for them.
  await loadAsaGrammar();
  await tokenizeText(fixtureTexts.map((f) => f.text).join('\n'));
});

test('every line of every fixture (including the corpus copies) tokenises within the per-line bound', async () => {
  let lines = 0;
  for (const { name, text } of fixtureTexts) {
    for (const [i, line] of (await tokenizeText(text)).entries()) {
      lines++;
      assert.ok(line.tokens.length > 0, `${name}:${i + 1} produced no token`);
      assert.ok(
        line.millis < PER_LINE_MS,
        `${name}:${i + 1} took ${line.millis.toFixed(1)} ms: ${JSON.stringify(line.line)}`,
      );
    }
  }
  assert.ok(lines > 500, `expected the fixtures to hold more than 500 lines, found ${lines}`);
});

/** Long lines built to make a backtracking regex explode: repeated near-matches of the address, time, prompt and separator patterns. */
const hostile: Record<string, string> = {
  'digits and dots': Array.from({ length: 1000 }, (_, i) => String(i % 10)).join('.'),
  'digits only': '1'.repeat(2000),
  'near-IPv4 groups': '1.2.3.'.repeat(350),
  'hex and colons': 'ab:'.repeat(700),
  'colons only': ':'.repeat(2000),
  'near-time groups': '1:2'.repeat(700),
  'long word': 'a'.repeat(2000),
  'word then spaces': 'a' + ' '.repeat(2000) + 'b',
  'many words': Array.from({ length: 400 }, (_, i) => `w${i}`).join(' '),
  'many addresses': Array.from({ length: 150 }, (_, i) => `10.0.${i % 256}.1 255.255.255.0`).join(' '),
  'many IPv6 addresses': Array.from({ length: 100 }, (_, i) => `2001:db8:0000:4200::${i}/64`).join(' '),
  asterisks: '*'.repeat(2000),
  'unterminated prompt': 'a'.repeat(1000) + '(' + 'b'.repeat(1000),
  'prompt-like name': 'asa' + '.-'.repeat(1000),
  'dashes then text': '-'.repeat(2000) + 'x',
  'parentheses and commas': ' (' + 'a,'.repeat(1000),
  'interface-like': 'GigabitEthernet' + '0/'.repeat(1000),
  quotes: '"'.repeat(2000),
  'key-value-like': 'a '.repeat(1000) + ':',
};

for (const [label, body] of Object.entries(hostile)) {
  test(`a 2,000-character line of ${label} tokenises quickly in every context`, async () => {
    // Each prefix puts the line under a different rule: root, indented sub-command, prompt, negation, LB commands, show output.
    const contexts = [
      '',
      ' ',
      'asa1(config)# ',
      'no ',
      ' cluster ip address ',
      'nat ',
      ' cluster key ',
      'interface ',
      'description ',
      'asa1# show vpn load-balancing\n',
    ];
    for (const prefix of contexts) {
      const lines = await tokenizeText(prefix + body);
      const slowest = Math.max(...lines.map((l) => l.millis));
      assert.ok(slowest < HOSTILE_LINE_MS, `${label} after ${JSON.stringify(prefix)} took ${slowest.toFixed(1)} ms`);
    }
  });
}

test('a 100,000-line file tokenises within the bound', async () => {
  const pool = fixtureTexts.flatMap((f) => splitLines(f.text));
  const lines: string[] = [];
  while (lines.length < 100_000) lines.push(...pool.slice(0, 100_000 - lines.length));
  const started = performance.now();
  const tokens = await countTokens(lines);
  const elapsed = performance.now() - started;
  assert.equal(lines.length, 100_000);
  assert.ok(tokens >= lines.length, 'every line yields at least one token');
  assert.ok(elapsed < LARGE_FILE_MS, `100,000 lines took ${elapsed.toFixed(0)} ms`);
});
