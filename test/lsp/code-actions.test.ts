// Quick fixes and "fix all" over a real connection: each action's edit is applied to the document as an editor would,
// sent back with didChange, and the diagnostic it fixes must disappear while the rest of the text stays as it was.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { codes, copyFixture, EDITOR_CAPABILITIES, fileUri, removeFolder, TestClient } from './client';

const FIXTURE = 'fixes';

/** The text edits of an action for one document, whichever form the server chose. */
function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit!;
  if (edit.documentChanges)
    return (edit.documentChanges as TextDocumentEdit[])
      .filter((d) => d.textDocument.uri === uri)
      .flatMap((d) => d.edits as TextEdit[]);
  return edit.changes?.[uri] ?? [];
}

describe('code actions', () => {
  let dir: string;
  let original: string;
  before(() => {
    dir = copyFixture(FIXTURE);
    original = readFileSync(join(dir, 'edge.cfg'), 'utf8');
  });
  after(() => removeFolder(dir));

  async function openEdge(client: TestClient): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = fileUri(join(dir, 'edge.cfg'));
    await client.open(uri, original);
    return { uri, diagnostics: await client.diagnostics(uri, (ds) => ds.length > 0) };
  }

  const quickFixes: { code: string; titles: string[]; preferred: string; line: string }[] = [
    {
      code: 'port-out-of-range',
      titles: ['Set the default port 9023'],
      preferred: 'Set the default port 9023',
      line: ' cluster port 9023',
    },
    {
      code: 'unknown-lb-command',
      titles: ["Change to 'priority'"],
      preferred: "Change to 'priority'",
      line: ' priority 9',
    },
    {
      code: 'lb-interface-undefined',
      titles: ["Use interface 'inside'", "Use interface 'outside'"],
      preferred: "Use interface 'inside'",
      line: ' interface lbprivate inside',
    },
  ];

  for (const expected of quickFixes) {
    it(`fixes ${expected.code} with a versioned edit that touches only its own text`, async () => {
      const client = await TestClient.start({ folder: dir });
      try {
        const { uri, diagnostics } = await openEdge(client);
        const target = diagnostics.find((d) => d.code === expected.code)!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: target.range,
          context: { diagnostics: [target] },
        });
        const fixes = actions.filter((a) => a.kind === 'quickfix');
        assert.deepEqual(
          fixes.map((a) => a.title),
          expected.titles,
        );
        assert.deepEqual(
          fixes.filter((a) => a.isPreferred).map((a) => a.title),
          [expected.preferred],
        );
        const chosen = fixes.find((a) => a.isPreferred)!;
        assert.deepEqual(chosen.diagnostics, [target]);
        assert.equal((chosen.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 1);
        const fixed = client.nextDiagnostics(uri, (ds) => !ds.some((d) => d.code === expected.code));
        await client.edit(uri, editsOf(chosen, uri));
        await fixed;
        const changed = client
          .text(uri)
          .split('\n')
          .filter((line, i) => line !== original.split('\n')[i]);
        assert.deepEqual(changed, [expected.line]);
      } finally {
        await client.stop();
      }
    });
  }

  it('applies every safe preferred fix at once with source.fixAll', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      const { uri } = await openEdge(client);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepEqual(
        actions.map((a) => a.kind),
        ['source.fixAll.asa-lb'],
      );
      const remaining = client.nextDiagnostics(uri, (ds) => !ds.some((d) => d.code === 'port-out-of-range'));
      await client.edit(uri, editsOf(actions[0]!, uri));
      assert.deepEqual(codes(await remaining), ['plaintext-cluster-key', 'single-member-group']);
      const expectedText = original
        .replace(' priorty 9', ' priority 9')
        .replace('cluster port 70000', 'cluster port 9023')
        .replace('lbprivate Inside', 'lbprivate inside');
      assert.equal(client.text(uri), expectedText);
    } finally {
      await client.stop();
    }
  });

  it('uses a plain changes map for a client without versioned document changes', async () => {
    const capabilities = { ...EDITOR_CAPABILITIES, workspace: { ...EDITOR_CAPABILITIES.workspace, workspaceEdit: {} } };
    const client = await TestClient.start({ folder: dir, capabilities });
    try {
      const { uri, diagnostics } = await openEdge(client);
      const target = diagnostics.find((d) => d.code === 'port-out-of-range')!;
      const [action] = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: target.range,
        context: { diagnostics: [target], only: ['quickfix'] },
      });
      assert.equal(action!.edit!.documentChanges, undefined);
      assert.deepEqual(action!.edit!.changes![uri], [{ range: target.range, newText: '9023' }]);
    } finally {
      await client.stop();
    }
  });

  it('finds the fix of a diagnostic published for an older version of the document', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      const { uri, diagnostics } = await openEdge(client);
      const stale = diagnostics.find((d) => d.code === 'port-out-of-range')!;
      // An edit above the block leaves the port line where it was, so the stale diagnostic still names it.
      await client.edit(uri, [
        { range: { start: { line: 4, character: 9 }, end: { line: 4, character: 13 } }, newText: 'edge-1' },
      ]);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: stale.range,
        context: { diagnostics: [stale] },
      });
      assert.deepEqual(
        actions
          .filter((a) => a.kind === 'quickfix')
          .map((a) => [a.title, (a.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version]),
        [['Set the default port 9023', 2]],
      );
    } finally {
      await client.stop();
    }
  });
});
