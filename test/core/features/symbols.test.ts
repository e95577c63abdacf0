// The outline and folding ranges of each file in test/fixtures/features/symbols (and of the real configs of the
// corpus) against a golden `.outline` file beside it; `UPDATE_GOLDEN=1` rewrites the golden files. Also: every symbol's
// selection lies inside its range and inside its parent, and workspace symbols find devices and groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSymbols, foldingRanges, workspaceSymbols } from '../../../server/src/core/features/index';
import type { CoreDocumentSymbol } from '../../../server/src/core/features/index';
import type { Range } from '../../../server/src/core/types';
import { Workspace } from '../../../server/src/core/workspace';
import { assertGolden } from '../../support/golden';
import { FEATURE_FIXTURES } from './fixture';

const DIR = join(FEATURE_FIXTURES, 'symbols');
const CORPUS = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');

function lineText(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line)
    return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return `${lines[range.start.line]!.slice(range.start.character)}…`;
}

/** One line per symbol: kind, name, detail, the lines it covers (1-based) and the text it selects. */
function render(text: string, symbols: CoreDocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} "${s.name}"${s.detail ? ` — ${s.detail}` : ''} · lines ${s.range.start.line + 1}–${s.range.end.line + 1} · selects "${lineText(text, s.selectionRange)}"`,
    ...render(text, s.children, depth + 1),
  ]);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function checkNesting(symbols: CoreDocumentSymbol[], parent: Range | null): void {
  for (const s of symbols) {
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection outside its range`);
    if (parent) assert.ok(contains(parent, s.range), `${s.name}: outside its parent`);
    checkNesting(s.children, s.range);
  }
}

const inputs = [
  ...readdirSync(DIR)
    .filter((f) => !f.endsWith('.outline'))
    .map((f) => ({ name: f, path: join(DIR, f), golden: join(DIR, `${f}.outline`) })),
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.cfg'))
    .map((f) => ({ name: `corpus/${f}`, path: join(CORPUS, f), golden: join(DIR, `corpus-${f}.outline`) })),
].sort((a, b) => a.name.localeCompare(b.name));

for (const input of inputs) {
  test(`outline and folding of ${input.name} match ${input.golden.slice(DIR.length + 1)}`, () => {
    const text = readFileSync(input.path, 'utf8');
    const ws = new Workspace();
    ws.set(input.name, text);
    const symbols = documentSymbols(ws, input.name);
    checkNesting(symbols, null);
    const folds = foldingRanges(ws, input.name).map((f) => `fold ${f.kind} ${f.startLine + 1}–${f.endLine + 1}`);
    const actual = [...render(text, symbols), ...folds].join('\n') + '\n';
    // The outline never shows a key: a clear one is written in device.asa on purpose.
    assert.ok(!actual.includes('Sup3r-S3cret-Kl3ar'));
    assertGolden(actual, input.golden);
  });
}

test('workspace symbols find devices by hostname and groups by virtual address', () => {
  const ws = new Workspace();
  const member = (host: string, ip: string): string =>
    `hostname ${host}\ninterface GigabitEthernet0/0\n nameif outside\n ip address ${ip} 255.255.255.0\nvpn load-balancing\n interface lbpublic outside\n cluster ip address 192.0.2.100\n participate\n`;
  ws.set('file:///a.cfg', member('dc-vpn-1', '192.0.2.1'));
  ws.set('file:///b.cfg', member('dc-vpn-2', '192.0.2.2'));
  ws.set('file:///c.cfg', 'hostname branch-fw\n');
  const all = workspaceSymbols(ws, '');
  assert.deepEqual(
    all.map((s) => [s.kind, s.name, s.containerName ?? null]),
    [
      ['module', 'dc-vpn-1', 'group 192.0.2.100'],
      ['module', 'dc-vpn-2', 'group 192.0.2.100'],
      ['module', 'branch-fw', null],
      ['namespace', '192.0.2.100', 'group of 2 members'],
    ],
  );
  // A device's location is its hostname; a group's is the virtual address of its predicted director.
  const group = all.find((s) => s.kind === 'namespace')!;
  assert.equal(group.location.uri, 'file:///a.cfg');
  assert.equal(group.location.range.start.line, 6);
  assert.deepEqual(
    workspaceSymbols(ws, 'dcv2').map((s) => s.name),
    ['dc-vpn-2'],
  );
  assert.deepEqual(
    workspaceSymbols(ws, '.100').map((s) => s.name),
    ['192.0.2.100'],
  );
  assert.deepEqual(
    workspaceSymbols(ws, 'BRANCH').map((s) => s.name),
    ['branch-fw'],
  );
  assert.deepEqual(workspaceSymbols(ws, 'zzz'), []);
});

test('unknown documents have no outline and no folding', () => {
  const ws = new Workspace();
  assert.deepEqual(documentSymbols(ws, 'nope.cfg'), []);
  assert.deepEqual(foldingRanges(ws, 'nope.cfg'), []);
  assert.deepEqual(workspaceSymbols(ws, 'x'), []);
});
