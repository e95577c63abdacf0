// The command table (`commands/table.ts`) is the one description of every modelled command: the lexer's keywords, the
// parser's rules, the blocks the tree infers, the abbreviations, and completion and hover for the load-balancing mode
// must all agree with it. Adding a row must be enough for the syntax to know the command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LB_COMMANDS } from '../../server/src/core/commands/lb-commands';
import {
  COMMANDS,
  commandsOf,
  isLbCommand,
  lexerKeywords,
  type CommandRow,
} from '../../server/src/core/commands/table';
import { complete, hover } from '../../server/src/core/features/index';
import { expandKeywords } from '../../server/src/core/syntax/abbreviations';
import { allTokens } from '../../server/src/core/syntax/lexer';
import { parseCommand, validateGrammar } from '../../server/src/core/syntax/parser';
import { buildTree } from '../../server/src/core/syntax/tree';
import { Workspace } from '../../server/src/core/workspace';

/** A plausible line for a row: its keywords and one value per argument. */
function lineOf(row: CommandRow): string {
  const values = row.args
    .filter((a) => !a.optional)
    .map((a) => {
      switch (a.type.kind) {
        case 'ipv4':
          return '192.0.2.1';
        case 'ipv6':
          return '2001:db8::1';
        case 'integer':
          return String(a.type.min);
        case 'choice':
          return a.type.values[0]!;
        case 'keyword':
          return a.type.word;
        case 'nameif':
          return 'inside';
        default:
          return 'word1';
      }
    });
  return [...row.keywords, ...values].join(' ');
}

/** Headers that open each sub-mode, to put a row's line inside its block. */
const HEADERS: Record<string, string> = {
  lb: 'vpn load-balancing',
  interface: 'interface GigabitEthernet0/1',
  'dns-server-group': 'dns server-group DefaultDNS',
  'tunnel-group': 'tunnel-group RA webvpn-attributes',
};

test('ids are unique and every row has a keyword path', () => {
  assert.equal(new Set(COMMANDS.map((r) => r.id)).size, COMMANDS.length);
  for (const row of COMMANDS) assert.ok(row.keywords.length > 0, row.id);
});

test('the load-balancing rows are the documented ones, in their order', () => {
  assert.deepEqual(
    commandsOf('lb').map((r) => [r.id, r.keywords.join(' ')]),
    LB_COMMANDS.map((c) => [c.id, c.keywords.join(' ')]),
  );
  for (const row of COMMANDS) assert.equal(isLbCommand(row.id), row.mode === 'lb', row.id);
});

test('the lexer has exactly one keyword token per keyword of the table', () => {
  const tokens = allTokens
    .map((t) => t.name)
    .filter((n) => n.startsWith('Kw_'))
    .sort();
  assert.deepEqual(
    tokens,
    lexerKeywords()
      .map((w) => `Kw_${w.replace(/[^a-z0-9]+/gi, '_')}`)
      .sort(),
  );
});

// The product builds its parser without chevrotain's validations (they cost more than a large config's check), so
// they run here: a table row that makes the grammar ambiguous or ill-formed fails this test.
test("the grammar generated from the table passes chevrotain's validations", () => {
  assert.doesNotThrow(() => validateGrammar());
});

test('the parser recognises every row, in any case, negated or not', () => {
  for (const row of COMMANDS) {
    const line = lineOf(row);
    for (const text of [line, `no ${line}`, line.toUpperCase()]) {
      const command = parseCommand(text, 0).command;
      assert.equal(command?.id, row.spellingOf ?? row.id, `${text} parses as ${command?.id ?? 'nothing'}`);
      assert.equal(command.negated, text.startsWith('no '));
      assert.deepEqual(
        command.keywords.map((k) => k.text.toLowerCase()),
        [...row.keywords],
      );
    }
  }
});

test('a header row opens its block, and a sub-mode row belongs to its block even without indentation', () => {
  for (const row of COMMANDS.filter((r) => r.opens)) {
    const tree = buildTree(`${lineOf(row)}\n`);
    assert.equal(tree.lines[0]!.block?.kind, row.opens, row.id);
  }
  for (const row of COMMANDS.filter((r) => HEADERS[r.mode])) {
    const tree = buildTree(`${HEADERS[row.mode]}\n${lineOf(row)}\n`);
    assert.equal(tree.lines[1]!.block?.kind, row.mode, `${lineOf(row)} after ${HEADERS[row.mode]}`);
    assert.equal(tree.lines[1]!.parse?.command?.id, row.id);
  }
});

test('abbreviations: every load-balancing path, and the global rows from their `abbreviate` length only', () => {
  for (const row of [...commandsOf('lb'), ...commandsOf('any')])
    assert.deepEqual(expandKeywords('lb', row.keywords), [...row.keywords]);
  const abbreviated = commandsOf('global').filter((r) => r.abbreviate);
  assert.ok(abbreviated.length > 0);
  for (const row of abbreviated) {
    assert.deepEqual(
      expandKeywords(
        'config',
        row.keywords.map((w) => w.slice(0, row.abbreviate)),
      ),
      [...row.keywords],
    );
    assert.notDeepEqual(
      expandKeywords(
        'config',
        row.keywords.map((w) => w.slice(0, row.abbreviate! - 1)),
      ),
      [...row.keywords],
    );
  }
  for (const row of commandsOf('global').filter((r) => !r.abbreviate))
    assert.deepEqual(expandKeywords('config', row.keywords), [], row.id);
});

test('completion offers and hover documents every load-balancing row', () => {
  const ws = new Workspace();
  ws.set('file:///a.cfg', 'vpn load-balancing\n \n');
  const labels = complete(ws, 'file:///a.cfg', { line: 1, character: 1 }).items.map((i) => i.label);
  for (const row of commandsOf('lb')) {
    const spec = LB_COMMANDS.find((c) => c.id === row.id)!;
    assert.ok(labels.includes(row.keywords.join(' ')), `${row.id} is offered: ${labels.join(', ')}`);
    const text = `vpn load-balancing\n ${spec.snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1')}\n`;
    ws.set('file:///b.cfg', text);
    const found = hover(ws, 'file:///b.cfg', { line: 1, character: 1 });
    assert.ok(found?.contents.includes(spec.syntax), `${row.id} hover: ${found?.contents ?? 'none'}`);
  }
});

test('a row the model reads has its case in model/device.ts (or opens the block the model reads); the others none', () => {
  const source = readFileSync(
    join(import.meta.dirname, '..', '..', 'server', 'src', 'core', 'model', 'device.ts'),
    'utf8',
  );
  for (const row of COMMANDS.filter((r) => r.mode !== 'lb')) {
    // Another spelling of a command is read by that command's case.
    const mentioned = source.includes(`'${row.spellingOf ?? row.id}'`);
    if (row.model) assert.ok(mentioned || row.opens, `${row.id}: the model reads it, but device.ts has no case for it`);
    else assert.ok(!mentioned, `${row.id}: marked as not read by the model, but device.ts names it`);
  }
});
