// The server under hostile or unlucky requests: cancelled work, documents it does not know, positions outside a
// document, malformed parameters. Each gets an empty answer or an error response, and the server keeps serving.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { copyFixture, fileUri, PULL_CAPABILITIES, removeFolder, TestClient } from './client';

const SECRET = 'Zebra-Plaintext-42';
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('robustness', () => {
  let dir: string;
  before(() => (dir = copyFixture('group')));
  after(() => removeFolder(dir));

  it('answers a request cancelled while it waits for indexing with RequestCancelled, then serves the next', async () => {
    const client = await TestClient.start({ folder: dir, capabilities: PULL_CAPABILITIES, holdProgress: true });
    try {
      // Indexing waits on the progress token this client has not granted yet, so workspace diagnostics must wait too.
      await client.progressCreated;
      const source = new CancellationTokenSource();
      const pending = client.request('workspace/diagnostic', { previousResultIds: [] }, source);
      source.cancel();
      await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
      client.releaseProgress();
      const report = await client.request<{ items: unknown[] }>('workspace/diagnostic', { previousResultIds: [] });
      assert.equal(report.items.length, 3);
    } finally {
      await client.stop();
    }
  });

  const unknown = fileUri('/nowhere/unknown.cfg');
  const emptyAnswers: { what: string; method: string; params: unknown; expected: unknown }[] = [
    {
      what: 'code actions for an unknown document',
      method: 'textDocument/codeAction',
      params: { textDocument: { uri: unknown }, range: ORIGIN, context: { diagnostics: [] } },
      expected: [],
    },
    {
      what: 'code lenses for an unknown document',
      method: 'textDocument/codeLens',
      params: { textDocument: { uri: unknown } },
      expected: [],
    },
    {
      what: 'the group of an unknown document',
      method: 'asaLb/groupInfo',
      params: { uri: unknown },
      expected: { inGroup: false, reason: 'the document is not a device file of the workspace' },
    },
    {
      what: 'code actions without parameters that make sense',
      method: 'textDocument/codeAction',
      params: {},
      expected: [],
    },
    {
      what: 'code lenses for a document given as a number',
      method: 'textDocument/codeLens',
      params: { textDocument: 5 },
      expected: [],
    },
    {
      what: 'a group request naming no document',
      method: 'asaLb/groupInfo',
      params: { uri: 7 },
      expected: { inGroup: false, reason: 'the request names no document' },
    },
    {
      what: 'a simulation of a scenario that is not an object',
      method: 'asaLb/simulate',
      params: { scenario: 'nope' },
      expected: { ok: false, error: 'scenario: must be a JSON object' },
    },
    {
      what: 'a show parse without text',
      method: 'asaLb/parseShow',
      params: { text: 42 },
      expected: { ok: false, error: 'text: must be the captured output as a string' },
    },
  ];

  it('gives empty answers, never errors, for unknown documents and malformed parameters', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      for (const { what, method, params, expected } of emptyAnswers)
        assert.deepEqual(await client.request(method, params), expected, what);
      // Still alive and well after all that.
      await client.indexingDone();
      const info = await client.request<{ inGroup: boolean }>('asaLb/groupInfo', {
        uri: fileUri(join(dir, 'asa1.cfg')),
      });
      assert.equal(info.inGroup, true);
    } finally {
      await client.stop();
    }
  });

  it('ignores edits to documents it was never told about', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      await client.notify('textDocument/didChange', {
        textDocument: { uri: unknown, version: 3 },
        contentChanges: [{ text: 'vpn load-balancing\n' }],
      });
      await client.notify('textDocument/didClose', { textDocument: { uri: unknown } });
      const uri = fileUri(join(dir, 'asa1.cfg'));
      await client.open(uri, readFileSync(join(dir, 'asa1.cfg'), 'utf8'));
      assert.deepEqual(await client.diagnostics(uri), []);
    } finally {
      await client.stop();
    }
  });

  it('sets aside a document whose change has a malformed range, says so, and takes it back when reopened', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      const uri = fileUri(join(dir, 'asa1.cfg'));
      const text = readFileSync(join(dir, 'asa1.cfg'), 'utf8');
      await client.open(uri, text);
      await client.diagnostics(uri);
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 'one' }, end: null }, text: 'x' }],
      });
      await client.waitForMessage('window/logMessage', (params) =>
        /malformed range/.test(String((params as { message?: unknown }).message)),
      );
      assert.ok(
        client.logs.every((line) => !line.includes(text.slice(0, 40))),
        'the log names the file, not its text',
      );
      // Reopened, the document is analysed again as the editor now has it.
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      const published = client.publication(uri, 3);
      await client.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'asa', version: 3, text: `${text}\nvpn load-balancing\n priorty 5\n` },
      });
      const after = await published;
      assert.ok(
        after.diagnostics.some((d) => d.code === 'unknown-lb-command'),
        'the reopened text is checked',
      );
    } finally {
      await client.stop();
    }
  });

  it('never puts a cluster key into logs, lenses or answers', async () => {
    const fixes = copyFixture('fixes');
    const client = await TestClient.start({ folder: fixes });
    try {
      const uri = fileUri(join(fixes, 'edge.cfg'));
      const text = readFileSync(join(fixes, 'edge.cfg'), 'utf8');
      assert.ok(text.includes(SECRET), 'the fixture must hold the key this test looks for');
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri, (ds) => ds.length > 0);
      const answers = [
        diagnostics,
        await client.request('textDocument/codeLens', { textDocument: { uri } }),
        await client.request('asaLb/groupInfo', { uri }),
        await client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: ORIGIN,
          context: { diagnostics },
        }),
        // A malformed request makes the server log a failure; the log line must not quote the document either.
        await client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: ORIGIN,
          context: { diagnostics: [{ ...diagnostics[0], range: null }] },
        }),
      ];
      await client.indexingDone();
      for (const answer of answers) assert.ok(!JSON.stringify(answer).includes(SECRET));
      assert.ok(client.logs.length > 0);
      for (const line of client.logs) assert.ok(!line.includes(SECRET), line);
    } finally {
      await client.stop();
      removeFolder(fixes);
    }
  });
});
