// The socket transport an editor may choose (`--socket=PORT`: the editor listens, the server connects), through
// `asa-lb lsp` as through the server bundle itself: each must answer initialize and publish diagnostics.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  createProtocolConnection,
  SocketMessageReader,
  SocketMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CLI, fileUri, ROOT, SERVER, WAIT_MS } from './client';

async function serveOverSocket(args: (port: number) => string[]): Promise<void> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as AddressInfo).port;
  const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
  const child = spawn(process.execPath, args(port), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const timeout = setTimeout(() => child.kill(), WAIT_MS);
  try {
    const socket = await Promise.race([
      accepted,
      exited.then((code) => Promise.reject(new Error(`exited with ${code} before connecting: ${output}`))),
    ]);
    const connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    const path = join(ROOT, 'test', 'examples', 'dc-vpn-3.cfg');
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === fileUri(path) && params.diagnostics.length > 0) resolve(params);
      }),
    );
    connection.listen();
    const result = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    })) as { serverInfo?: { name: string } };
    assert.equal(result.serverInfo?.name, 'asa-lb');
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: fileUri(path), languageId: 'asa', version: 1, text: readFileSync(path, 'utf8') },
    });
    const diagnostics = await published;
    assert.ok(diagnostics.diagnostics.some((d) => d.code === 'unknown-lb-command'));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0, output);
    connection.dispose();
  } finally {
    clearTimeout(timeout);
    child.kill();
    listener.close();
  }
}

test('asa-lb lsp --socket=PORT connects to the editor and serves it', async () => {
  await serveOverSocket((port) => [CLI, 'lsp', `--socket=${port}`]);
});

test('dist/server.js --socket=PORT connects to the editor and serves it', async () => {
  await serveOverSocket((port) => [SERVER, `--socket=${port}`]);
});
