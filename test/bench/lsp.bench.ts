// Benchmark of the language server over a real stdio connection, on a 100,000-line config: a one-character edit until
// its diagnostics are published, and completion latency (with the analysis cached, and right after an edit, as when
// typing). Prints p50 and p95. Run: npm run build && node --import tsx test/bench/lsp.bench.ts
import type { CompletionList } from 'vscode-languageserver-protocol/node';
import { DIAGNOSTICS_DEBOUNCE_MS } from '../../server/src/lsp/scheduler';
import { SERVER, TestClient } from '../lsp/client';

const LINES = 100_000;
const EDITS = 40;
const COMPLETIONS = 60;
const URI = 'file:///bench/big-asa.cfg';

/** A running-config of about LINES lines: mostly ACLs, objects and interfaces (out of scope), one load-balancing block. */
function bigConfig(): { text: string; priorityLine: number; blockEndLine: number } {
  const out = [': Saved', ':', 'ASA Version 9.16(4)', '!', 'hostname bench-asa', '!'];
  for (let i = 0; i < 200; i++) {
    out.push(`interface GigabitEthernet0/${i}`, ` nameif if${i}`, ' security-level 50', ` ip address 10.${i}.0.1 255.255.255.0`, '!');
  }
  out.push('interface GigabitEthernet1/0', ' nameif outside', ' security-level 0', ' ip address 192.0.2.21 255.255.255.0', '!');
  out.push('interface GigabitEthernet1/1', ' nameif inside', ' security-level 100', ' ip address 10.250.0.21 255.255.255.0', '!');
  for (let i = 0; out.length < LINES - 400; i++) {
    if (i % 10 === 0) out.push(`object-group network OG-${i}`, ` network-object host 10.${(i >> 8) & 255}.${i & 255}.7`);
    else out.push(`access-list OUTSIDE-IN extended permit tcp any host 10.${(i >> 8) & 255}.${i & 255}.1 eq ${443 + (i % 7)}`);
  }
  out.push('crypto ikev1 enable inside', '!', 'vpn load-balancing');
  const priorityLine = out.length;
  out.push(' priority 7', ' cluster ip address 192.0.2.100', ' interface lbpublic outside', ' interface lbprivate inside', ' participate');
  const blockEndLine = out.length;
  out.push('!');
  while (out.length < LINES - 1) out.push(`route outside 198.51.${out.length % 250}.0 255.255.255.0 192.0.2.1 1`);
  out.push(': end');
  return { text: out.join('\n'), priorityLine, blockEndLine };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;
}

function report(name: string, samples: number[]): void {
  console.log(`${name.padEnd(52)} p50 ${percentile(samples, 0.5).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 0.95).toFixed(1).padStart(7)} ms   (n=${samples.length})`);
}

const { text, priorityLine, blockEndLine } = bigConfig();
console.log(`config: ${text.split('\n').length} lines, ${(text.length / 1e6).toFixed(1)} MB`);
// BENCH_PROFILE=DIR writes a CPU profile of the server to DIR, to see what bounds the edit path.
const profile = process.env['BENCH_PROFILE'];
const client = await TestClient.start({
  noFolders: true,
  capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
  ...(profile ? { args: ['--cpu-prof', `--cpu-prof-dir=${profile}`, SERVER, '--stdio'] } : {}),
});
try {
  let started = performance.now();
  await client.open(URI, text);
  await client.publication(URI, 1);
  console.log(`open until first diagnostics: ${(performance.now() - started).toFixed(0)} ms`);

  // One character: the priority digit flips between 7 and 8, so each edit really changes the device.
  const priorityDigit = { start: { line: priorityLine, character: 10 }, end: { line: priorityLine, character: 11 } };
  const edits: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const published = client.publication(URI, client.version(URI) + 1);
    await client.edit(URI, [{ range: priorityDigit, newText: i % 2 === 0 ? '8' : '7' }]);
    await published;
    // Timed from the moment the change left the client, so the client's own copy of 6 MB is not counted.
    edits.push(performance.now() - client.lastChangeSentAt);
  }

  // Completion on an empty line at the end of the block (the edit above leaves it there).
  const cursor = { line: blockEndLine, character: 1 };
  await client.edit(URI, [{ range: { start: { line: blockEndLine, character: 0 }, end: { line: blockEndLine, character: 0 } }, newText: ' \n' }]);
  const steady: number[] = [];
  for (let i = 0; i < COMPLETIONS; i++) {
    started = performance.now();
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: cursor });
    steady.push(performance.now() - started);
    if (list.items.length === 0) throw new Error('completion returned nothing at the cursor');
  }

  // Typing: each keystroke is followed at once by a completion request, which finds the analysis out of date.
  const typing: number[] = [];
  for (let i = 0; i < COMPLETIONS; i++) {
    await client.edit(URI, [{ range: priorityDigit, newText: i % 2 === 0 ? '8' : '7' }]);
    started = client.lastChangeSentAt;
    await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: cursor });
    typing.push(performance.now() - started);
  }

  report('one-character edit until diagnostics published', edits);
  report('completion, analysis cached', steady);
  report('keystroke then completion (from the change)', typing);
  console.log(`(the edit figures include the server's ${DIAGNOSTICS_DEBOUNCE_MS} ms debounce)`);
} finally {
  await client.stop();
}
