// The editor features through the server: completion, hover, rename, definition, references, symbols and folding,
// requested at the `$0` marker of a fixture in test/fixtures/lsp/cursor/ over a real connection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LocationLink,
  Position,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, codes, ROOT, TestClient } from './client';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'lsp', 'cursor');
const SECRET = 'Zebra-Plaintext-42';

/** A cursor fixture: its text without the marker, and the marker's position. */
function cursorFixture(name: string): { text: string; position: Position } {
  const raw = readFileSync(join(FIXTURES, name), 'utf8');
  const offset = raw.indexOf('$0');
  assert.ok(offset >= 0, `${name} has no $0 marker`);
  const before = raw.slice(0, offset).split('\n');
  return {
    text: raw.slice(0, offset) + raw.slice(offset + 2),
    position: { line: before.length - 1, character: before.at(-1)!.length },
  };
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges)
    return (edit.documentChanges as TextDocumentEdit[])
      .filter((d) => d.textDocument.uri === uri)
      .flatMap((d) => d.edits as TextEdit[]);
  return edit.changes?.[uri] ?? [];
}

describe('editor features', () => {
  let client: TestClient;
  let count = 0;
  /** Opens a fixture as a new document (a fresh URI per test, so tests do not see each other's edits). */
  async function open(name: string): Promise<{ uri: string; text: string; position: Position }> {
    const fixture = cursorFixture(name);
    const uri = `file:///features/${count++}/${name.replace(/\.asa$/, '.cfg')}`;
    await client.open(uri, fixture.text);
    return { uri, ...fixture };
  }
  const at = (uri: string, position: Position) => ({ textDocument: { uri }, position });

  before(async () => (client = await TestClient.start({ noFolders: true })));
  after(async () => client.stop());

  const completions: { fixture: string; includes: string[]; excludes: string[] }[] = [
    {
      fixture: 'block.asa',
      includes: ['cluster ip address', 'interface lbpublic', 'interface lbprivate', 'participate'],
      excludes: ['priority', 'vpn load-balancing'],
    },
    { fixture: 'lbprivate.asa', includes: ['inside', 'outside'], excludes: ['participate'] },
  ];
  for (const { fixture, includes, excludes } of completions) {
    it(`completes at the cursor of ${fixture}`, async () => {
      const { uri, position } = await open(fixture);
      const list = await client.request<CompletionList>('textDocument/completion', at(uri, position));
      const labels = list.items.map((i) => i.label);
      for (const label of includes) assert.ok(labels.includes(label), `missing '${label}' in ${labels.join(', ')}`);
      for (const label of excludes) assert.ok(!labels.includes(label), `unexpected '${label}'`);
      assert.ok(
        list.items.every(
          (i) => i.textEdit === undefined || ('range' in i.textEdit && i.textEdit.range.start.line === position.line),
        ),
      );
    });
  }

  it('offers plain text instead of snippets to a client without snippet support', async () => {
    const plain = await TestClient.start({ noFolders: true, capabilities: {} });
    try {
      const { text, position } = cursorFixture('block.asa');
      await plain.open('file:///plain/block.cfg', text);
      const list = await plain.request<CompletionList>(
        'textDocument/completion',
        at('file:///plain/block.cfg', position),
      );
      assert.ok(list.items.length > 0);
      for (const item of list.items) {
        assert.equal(item.insertTextFormat, 1);
        const inserted = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : (item.insertText ?? '');
        assert.doesNotMatch(inserted, /\$\{?\d/, item.label);
      }
    } finally {
      await plain.stop();
    }
  });

  it('never shows the cluster key in a hover, wherever the cursor stands', async () => {
    const { uri, text, position } = await open('key.asa');
    const onKey = await client.request<Hover | null>('textDocument/hover', at(uri, position));
    assert.ok(onKey, 'the key argument has a hover');
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line]!.length; character += 3) {
        const hover = await client.request<Hover | null>('textDocument/hover', at(uri, { line, character }));
        assert.ok(!JSON.stringify(hover).includes(SECRET), `hover at ${line}:${character} shows the key`);
      }
    }
  });

  it('renames a nameif at every use, and the config stays free of errors', async () => {
    const { uri, text, position } = await open('nameif.asa');
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', at(uri, position));
    assert.equal(prepared.placeholder, 'inside');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, position), newName: 'lan' });
    const edits = editsFor(edit, uri);
    assert.deepEqual(
      edits.map((e) => e.range.start.line).sort((a, b) => a - b),
      [8, 12, 17],
    );
    const renamed = applyEdits(text, edits);
    assert.equal(renamed.split('\n').filter((l, i) => l !== text.split('\n')[i]).length, 3);
    assert.ok(!/\binside\b/.test(renamed));
    const checked = client.nextDiagnostics(uri, (ds) => ds.every((d) => d.code !== 'lb-interface-undefined'));
    await client.edit(uri, edits);
    assert.deepEqual(codes(await checked), ['single-member-group']);
  });

  it('refuses a rename to a name the device already uses, with the reason', async () => {
    const { uri, position } = await open('nameif.asa');
    await assert.rejects(
      client.request('textDocument/rename', { ...at(uri, position), newName: 'outside' }),
      (error: { message: string }) => /already has 'nameif outside'/.test(error.message),
    );
  });

  it('goes from a use of a nameif to its interface block, and lists every use', async () => {
    const { uri, position } = await open('crypto-use.asa');
    const links = await client.request<LocationLink[]>('textDocument/definition', at(uri, position));
    assert.deepEqual(
      links.map((l) => [l.targetUri, l.targetRange.start.line, l.targetSelectionRange]),
      [[uri, 7, { start: { line: 8, character: 8 }, end: { line: 8, character: 14 } }]],
    );
    const uses = await client.request<Location[]>('textDocument/references', {
      ...at(uri, position),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      uses.map((l) => l.range.start.line),
      [8, 12, 17],
    );
  });

  it('lists symbols, workspace symbols and folding ranges', async () => {
    const { uri } = await open('nameif.asa');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children?.map((c) => c.name)]),
      [['edge', ['GigabitEthernet0/0 (outside)', 'GigabitEthernet0/1 (inside)', 'vpn load-balancing']]],
    );
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      [
        [2, 5],
        [7, 10],
        [14, 19],
      ],
    );
    const found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '192.0.2.100' });
    // Every fixture opened so far shares this virtual address: one group, located in one of its members.
    const groups = found.filter((s) => s.name === '192.0.2.100');
    assert.equal(groups.length, 1);
    assert.match(groups[0]!.location.uri, /^file:\/\/\/features\/\d+\//);
    const devices = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'edge' });
    assert.ok(devices.some((s) => s.name === 'edge' && s.location.uri === uri));
  });

  const outside = [
    { what: 'a line past the end', position: { line: 500, character: 0 } },
    { what: 'a column past the end of its line', position: { line: 0, character: 80 } },
    { what: 'a negative line', position: { line: -1, character: 0 } },
  ];
  for (const { what, position } of outside) {
    it(`answers empty for ${what}`, async () => {
      const { uri } = await open('block.asa');
      assert.deepEqual(await client.request('textDocument/completion', at(uri, position)), {
        isIncomplete: false,
        items: [],
      });
      assert.equal(await client.request('textDocument/hover', at(uri, position)), null);
      assert.deepEqual(await client.request('textDocument/definition', at(uri, position)), []);
      assert.deepEqual(
        await client.request('textDocument/references', {
          ...at(uri, position),
          context: { includeDeclaration: true },
        }),
        [],
      );
      assert.equal(await client.request('textDocument/rename', { ...at(uri, position), newName: 'x' }), null);
    });
  }

  it('answers empty for a document it does not know', async () => {
    const unknown = 'file:///nowhere/unknown.cfg';
    const position = { line: 0, character: 0 };
    assert.deepEqual(await client.request('textDocument/completion', at(unknown, position)), {
      isIncomplete: false,
      items: [],
    });
    assert.equal(await client.request('textDocument/hover', at(unknown, position)), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: unknown } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: unknown } }), []);
  });
});
