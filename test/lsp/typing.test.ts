// Types two members of a new group into empty documents with completion alone, through the server as an editor does:
// open a new line, ask for completion, accept the first item (its snippet with the defaults, plus its additional
// edits), send the change. Both members must end without an error, in one group, as the core-level typing test finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol/node';
import { expandSnippet } from '../grammar/snippet-expand';
import type { GroupInfoResult } from '../../server/src/protocol';
import { TestClient } from './client';

type Context = 'global' | 'block';

/** The position after the last character of a text. */
function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines.at(-1)!.length };
}

/** Accepts the first item at a new line in `context`; null when nothing is offered there (the line is taken back). */
async function acceptFirst(client: TestClient, uri: string, context: Context): Promise<string | null> {
  const text = client.text(uri);
  const end = endOf(text);
  const opening = (text.length > 0 && !text.endsWith('\n') ? '\n' : '') + (context === 'block' ? ' ' : '');
  await client.edit(uri, [{ range: { start: end, end }, newText: opening }]);
  const cursor = endOf(client.text(uri));
  const list = await client.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: cursor,
  });
  const first: CompletionItem | undefined = [...list.items].sort((a, b) =>
    a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0,
  )[0];
  if (!first) {
    await client.edit(uri, [{ range: { start: end, end: cursor }, newText: '' }]);
    return null;
  }
  const main =
    first.textEdit && 'range' in first.textEdit
      ? first.textEdit
      : { range: { start: cursor, end: cursor }, newText: first.insertText ?? first.label };
  const newText = first.insertTextFormat === 2 ? expandSnippet(main.newText) : main.newText;
  await client.edit(uri, [{ range: main.range, newText }, ...(first.additionalTextEdits ?? [])]);
  return first.label;
}

async function typeMember(client: TestClient, uri: string): Promise<string[]> {
  await client.open(uri, '');
  const labels: string[] = [];
  const step = async (context: Context): Promise<boolean> => {
    const label = await acceptFirst(client, uri, context);
    if (label) labels.push(label);
    return label !== null;
  };
  for (let i = 0; i < 5; i++) await step('global');
  for (let i = 0; i < 20 && (await step('block')); i++);
  for (let i = 0; i < 4; i++) await step('global');
  return labels;
}

const errorsOf = (ds: Diagnostic[]): string[] =>
  ds.filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.code}`);

describe('typing with completion alone', () => {
  it('gives two members of one group without an error', async () => {
    const client = await TestClient.start({ noFolders: true });
    try {
      const first = 'file:///lab/asa1.cfg';
      const second = 'file:///lab/asa2.cfg';
      const labels = await typeMember(client, first);
      assert.equal(labels[0], 'hostname');
      assert.ok(labels.includes('vpn load-balancing') && labels.includes('participate'), labels.join(', '));
      await typeMember(client, second);
      // The diagnostics published for the final text of each document.
      const [a, b] = await Promise.all([
        client.diagnosticsOfVersion(first, client.version(first)),
        client.diagnosticsOfVersion(second, client.version(second)),
      ]);
      assert.deepEqual([errorsOf(a), errorsOf(b)], [[], []], `${client.text(first)}\n---\n${client.text(second)}`);
      const info = await client.request<GroupInfoResult>('asaLb/groupInfo', { uri: second });
      assert.ok(info.inGroup, JSON.stringify(info));
      assert.deepEqual(
        info.group.members.map((m) => m.name),
        ['asa1', 'asa2'],
      );
      assert.equal(info.group.predictedDirector, 'asa1');
    } finally {
      await client.stop();
    }
  });
});
