// The ways the server is started: `asa-lb lsp --stdio` for other editors, `dist/server.js --stdio`,
// and node IPC, as the VS Code extension starts it. Each must answer initialize and publish diagnostics.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, codes, fileUri, ROOT, SERVER, TestClient, type StartOptions } from './client';

const transports: { name: string; options: StartOptions }[] = [
  { name: 'asa-lb lsp --stdio', options: { args: [CLI, 'lsp', '--stdio'] } },
  { name: 'asa-lb lsp (stdio by default)', options: { args: [CLI, 'lsp'] } },
  { name: 'dist/server.js --stdio', options: { args: [SERVER, '--stdio'] } },
  {
    name: 'dist/server.js --node-ipc',
    options: { args: [SERVER, '--node-ipc', `--clientProcessId=${process.pid}`], ipc: true },
  },
];
/** The server reports the package's version (the CLI's --version and SARIF read the same field). */
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('transports', () => {
  for (const { name, options } of transports) {
    it(`${name} answers initialize and publishes diagnostics to a plain client`, async () => {
      const client = await TestClient.start({ ...options, capabilities: {}, noFolders: true });
      try {
        assert.deepEqual(client.initializeResult.serverInfo, { name: 'asa-lb', version: VERSION });
        assert.deepEqual(client.initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2 });
        const path = join(ROOT, 'test', 'examples', 'dc-vpn-3.cfg');
        await client.open(fileUri(path), readFileSync(path, 'utf8'));
        const diagnostics = await client.diagnostics(fileUri(path), (ds) => ds.length > 0);
        assert.ok(codes(diagnostics).includes('unknown-lb-command'));
      } finally {
        assert.equal(await client.stop(), 0);
      }
    });
  }
});
