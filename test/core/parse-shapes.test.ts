// Lines of plain words are parsed from the shape another line of the same token types taught, without chevrotain:
// the result must be exactly the grammar's (command, `no`, keyword and argument tokens with their columns and types)
// on every line of the real configs, at any column and with any abbreviation mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearParseCache, parseByGrammar, parseByShape, parseCommand } from '../../server/src/core/syntax/parser';
import type { AbbreviationMode } from '../../server/src/core/syntax/abbreviations';

const root = join(import.meta.dirname, '..');

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (/\.(cfg|txt)$/.test(entry.name)) yield path;
  }
}

/** Every distinct line of the corpus, the examples and the fixtures, as it stands in its file. */
const lines = [
  ...new Set(
    [join(root, 'fixtures'), join(root, 'examples')]
      .flatMap((dir) => [...filesUnder(dir)])
      .flatMap((path) => readFileSync(path, 'utf8').split(/\r\n|\n/)),
  ),
];
const MODES: (AbbreviationMode | null)[] = [null, 'lb', 'config'];

test(`every line of the real configs parses by its shape exactly as by the grammar (${lines.length} lines)`, () => {
  clearParseCache();
  let byShape = 0;
  for (const mode of MODES) {
    for (const columnOffset of [0, 7]) {
      // The first line of each shape teaches it, parsed by the grammar from the plain lexer's tokens.
      for (const line of lines)
        assert.deepEqual(parseCommand(line, columnOffset, mode), parseByGrammar(line, columnOffset, mode), line);
      for (const line of lines) {
        const shaped = parseByShape(line, columnOffset, mode);
        if (!shaped) {
          // Only a line of other characters than printable ASCII, spaces and tabs is left to the grammar.
          assert.match(line, /[^\x20-\x7e\t]/, `a plain line without a known shape: ${JSON.stringify(line)}`);
          continue;
        }
        byShape++;
        assert.deepEqual(shaped, parseByGrammar(line, columnOffset, mode), JSON.stringify(line));
      }
    }
  }
  assert.ok(byShape > lines.length * MODES.length, 'most lines are plain');
});

test('a line takes the shape another line of the same token types taught, with its own words and columns', () => {
  clearParseCache();
  parseCommand('nameif outside', 1);
  parseCommand('ip address 10.1.2.3 255.255.255.0', 1);
  parseCommand('no name-server 10.0.0.1', 1);
  for (const [text, id] of [
    ['nameif inside-12', 'nameif'],
    ['NameIf\tDMZ', 'nameif'],
    ['ip  address 192.0.2.77 255.255.255.128', 'ip-address'],
    ['No NAME-SERVER 10.0.0.2', 'name-server'],
  ] as const) {
    const shaped = parseByShape(text, 1, null);
    assert.ok(shaped, text);
    assert.equal(shaped.command?.id, id);
    assert.deepEqual(shaped, parseByGrammar(text, 1, null));
  }
  // Another token type is another shape: an address where a name stood is parsed by the grammar first.
  assert.equal(parseByShape('nameif 10.0.0.1', 1, null), null);
});

test('the shape of a line that is not a command says so, and other lines of it are no command either', () => {
  clearParseCache();
  assert.equal(parseCommand('ip local', 0).command, null);
  const shaped = parseByShape('IP Local', 0, null);
  assert.ok(shaped);
  assert.deepEqual(shaped, { command: null, tokens: parseByGrammar('IP Local', 0, null).tokens });
});

test('abbreviated keywords take their shape by the keywords they stand for', () => {
  clearParseCache();
  parseCommand('prio 5', 0, 'lb');
  const shaped = parseByShape('pri 7', 0, 'lb');
  assert.equal(shaped?.command?.id, 'priority');
  assert.deepEqual(shaped, parseByGrammar('pri 7', 0, 'lb'));
  // Without the mode the same words are no command.
  assert.equal(parseCommand('pri 7', 0).command, null);
});

test('a line with white space or characters outside printable ASCII is always parsed by the grammar', () => {
  clearParseCache();
  for (const text of [
    'nameif\u00a0outside',
    'nameif outside\f',
    'nameif\u2003outside',
    'nameif ausßen',
    'nameif x\r',
  ]) {
    parseCommand(text, 0);
    assert.equal(parseByShape(text, 0, null), null, JSON.stringify(text));
    assert.deepEqual(parseCommand(text, 0), parseByGrammar(text, 0, null));
  }
});
