import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER, TestClient } from '../lsp/client';
import { generateConfig } from '../bench/inputs';
const dir = mkdtempSync(join(tmpdir(), 'ws-'));
const uris: string[] = []; const texts: string[] = [];
for (let i = 0; i < 200; i++) { const p = join(dir, `asa${i}.cfg`); const t = generateConfig(5000, (i % 10) + 1, Math.floor(i / 10) + 1); texts.push(t); writeFileSync(p, t); uris.push(pathToFileURL(p).href); }
const extra = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const client = await TestClient.start({ folder: dir, args: [...extra, SERVER, '--stdio'] });
await Promise.all(uris.map((u) => client.diagnostics(u)));
const uri = uris[5]!;
await client.open(uri, texts[5]!);
await client.publication(uri, 1);
const lines = texts[5]!.split('\n');
const line = lines.findIndex((l) => l.startsWith(' priority'));
const samples: number[] = [];
for (let i = 0; i < 40; i++) {
  const published = client.publication(uri, client.version(uri) + 1);
  await client.edit(uri, [{ range: { start: { line, character: 10 }, end: { line, character: 11 } }, newText: i % 2 ? '6' : '9' }]);
  await published;
  samples.push(performance.now() - client.lastChangeSentAt);
}
samples.sort((a, b) => a - b);
console.log('edit in a 200-file workspace: p50', samples[20]!.toFixed(1), 'p95', samples[38]!.toFixed(1));
await client.stop();
process.exit(0);
