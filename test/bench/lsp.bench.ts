// Benchmarks of the language server over a real stdio connection (the bundled dist/server.js, driven by TestClient):
//  - edit:       on a 100,000-line config, a one-character edit until its diagnostics are published, completion and
//                hover latency with the analysis cached, and a keystroke followed at once by a completion request;
//  - workspace:  200 device configs of 5,000 lines on disk, served as the workspace folder: time from `initialized`
//                until every file's diagnostics are published, and the server's resident memory then;
//  - activation: time from spawning the server to the `initialize` response and to the first diagnostics of an
//                opened document.
// `npm run bench` runs each section in a child process of its own; this file also runs on its own:
//   npm run build && node --import tsx test/bench/lsp.bench.ts [--quick] [edit|workspace|activation ...]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol/node';
import { fileUri, removeFolder, ROOT, SERVER, TestClient } from '../lsp/client';
import { generateConfig } from './inputs';
import { median, percentiles, type Percentiles } from './stats';

export interface LspBenchOptions {
  quick: boolean;
  log?: (line: string) => void;
}

export interface EditResult {
  lines: number;
  megabytes: number;
  openUntilFirstDiagnosticsMs: number;
  /** A one-character edit, from the moment the change left the client until its diagnostics were published. */
  edit: Percentiles;
  completion: Percentiles;
  hover: Percentiles;
  /** A keystroke followed at once by a completion request, from the change until the completion answer. */
  typingCompletion: Percentiles;
}

export interface WorkspaceResult {
  files: number;
  linesPerFile: number;
  megabytes: number;
  /** Per run: from `initialized` until every file's diagnostics were published. */
  runsMs: number[];
  medianMs: number;
  /** Resident memory once the server has settled, a second after the last publication, in MiB. */
  rssMB: number[];
  maxRssMB: number;
  /** Resident memory at the moment the last publication arrived (the server may be collecting garbage then). */
  rssAtPublishMB: number[];
  /** The server's peak resident memory (VmHWM) in the run with the most, in MiB. */
  peakRssMB: number;
  /** What the server logged about indexing, from the first run. */
  indexLog: string | null;
  /** In the first run: one member opened and its priority edited, until its diagnostics are published. */
  editMs: { p50: number; p95: number; n: number };
}

export interface ActivationResult {
  runs: number;
  /** From spawning the server process until the `initialize` response arrived. */
  initializeMs: { median: number; min: number; max: number; samples: number[] };
  /** From spawning the server process until the first diagnostics of a document opened right after `initialized`. */
  readyMs: { median: number; min: number; max: number; samples: number[] };
}

const LINES = 100_000;
const URI = 'file:///bench/big-asa.cfg';
const WORKSPACE_FILES = 200;
const WORKSPACE_LINES = 5_000;
/** How long the workspace run may take before it is reported as failed. */
const WORKSPACE_LIMIT_MS = 180_000;

/** A running-config of about LINES lines: mostly ACLs, objects and interfaces (out of scope), one load-balancing block. */
export function bigConfig(): { text: string; priorityLine: number; blockEndLine: number } {
  const out = [': Saved', ':', 'ASA Version 9.16(4)', '!', 'hostname bench-asa', '!'];
  for (let i = 0; i < 200; i++) {
    out.push(
      `interface GigabitEthernet0/${i}`,
      ` nameif if${i}`,
      ' security-level 50',
      ` ip address 10.${i}.0.1 255.255.255.0`,
      '!',
    );
  }
  out.push(
    'interface GigabitEthernet1/0',
    ' nameif outside',
    ' security-level 0',
    ' ip address 192.0.2.21 255.255.255.0',
    '!',
  );
  out.push(
    'interface GigabitEthernet1/1',
    ' nameif inside',
    ' security-level 100',
    ' ip address 10.250.0.21 255.255.255.0',
    '!',
  );
  for (let i = 0; out.length < LINES - 400; i++) {
    if (i % 10 === 0)
      out.push(`object-group network OG-${i}`, ` network-object host 10.${(i >> 8) & 255}.${i & 255}.7`);
    else
      out.push(
        `access-list OUTSIDE-IN extended permit tcp any host 10.${(i >> 8) & 255}.${i & 255}.1 eq ${443 + (i % 7)}`,
      );
  }
  out.push('crypto ikev1 enable inside', '!', 'vpn load-balancing');
  const priorityLine = out.length;
  out.push(
    ' priority 7',
    ' cluster ip address 192.0.2.100',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ' participate',
  );
  const blockEndLine = out.length;
  out.push('!');
  while (out.length < LINES - 1) out.push(`route outside 198.51.${out.length % 250}.0 255.255.255.0 192.0.2.1 1`);
  out.push(': end');
  return { text: out.join('\n'), priorityLine, blockEndLine };
}

/** The server process's resident memory now (VmRSS) and at its peak (VmHWM), in MiB; null where /proc is missing. */
export function serverMemory(pid: number | undefined): { rssMB: number; peakMB: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return { rssMB: field('VmRSS'), peakMB: field('VmHWM') };
  } catch {
    return null;
  }
}

export async function editBench({ quick, log = console.log }: LspBenchOptions): Promise<EditResult> {
  const edits = quick ? 20 : 60;
  const requests = quick ? 50 : 200;
  const typingRounds = quick ? 15 : 40;
  const warmups = 5;

  const { text, priorityLine, blockEndLine } = bigConfig();
  const lines = text.split('\n').length;
  log(`config: ${lines} lines, ${(text.length / 1e6).toFixed(1)} MB`);
  // BENCH_PROFILE=DIR writes a CPU profile of the server to DIR, to see what bounds the edit path.
  const profile = process.env['BENCH_PROFILE'];
  const client = await TestClient.start({
    noFolders: true,
    capabilities: {
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
    ...(profile ? { args: ['--cpu-prof', `--cpu-prof-dir=${profile}`, SERVER, '--stdio'] } : {}),
  });
  try {
    let started = performance.now();
    await client.open(URI, text);
    await client.publication(URI, 1);
    const openUntilFirstDiagnosticsMs = performance.now() - started;
    log(`open until first diagnostics: ${openUntilFirstDiagnosticsMs.toFixed(0)} ms`);

    // One character: the priority digit flips between 7 and 8, so each edit really changes the device. The first
    // few edits are not timed, so that the figures measure the server's optimised code.
    const priorityDigit = { start: { line: priorityLine, character: 10 }, end: { line: priorityLine, character: 11 } };
    let digit = 7;
    const flip = (): string => String((digit = digit === 7 ? 8 : 7));
    const editSamples: number[] = [];
    for (let i = 0; i < edits + 2; i++) {
      const published = client.publication(URI, client.version(URI) + 1);
      await client.edit(URI, [{ range: priorityDigit, newText: flip() }]);
      await published;
      // Timed from the moment the change left the client, so the client's own copy of 6 MB is not counted.
      if (i >= 2) editSamples.push(performance.now() - client.lastChangeSentAt);
    }
    const edit = percentiles(editSamples);
    log(
      `one-character edit until diagnostics published: p50 ${edit.p50.toFixed(1)} ms, p95 ${edit.p95.toFixed(1)} ms (n=${edit.n})`,
    );

    // An empty line at the end of the block for completion; its diagnostics are awaited, so that the requests below
    // find the analysis cached.
    const cursor = { line: blockEndLine, character: 1 };
    const inserted = client.publication(URI, client.version(URI) + 1);
    await client.edit(URI, [
      {
        range: { start: { line: blockEndLine, character: 0 }, end: { line: blockEndLine, character: 0 } },
        newText: ' \n',
      },
    ]);
    await inserted;

    const completionSamples: number[] = [];
    for (let i = 0; i < requests + warmups; i++) {
      started = performance.now();
      const list = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri: URI },
        position: cursor,
      });
      if (i >= warmups) completionSamples.push(performance.now() - started);
      if (list.items.length === 0) throw new Error('completion returned nothing at the cursor');
    }
    const completion = percentiles(completionSamples);
    log(
      `completion, analysis cached: p50 ${completion.p50.toFixed(2)} ms, p95 ${completion.p95.toFixed(2)} ms (n=${completion.n})`,
    );

    // Hover alternates between two load-balancing command words: `participate` and `cluster` (of `cluster ip address`).
    const hoverAt = [
      { line: blockEndLine - 1, character: 3 },
      { line: priorityLine + 1, character: 3 },
    ];
    const hoverSamples: number[] = [];
    for (let i = 0; i < requests + warmups; i++) {
      const position = hoverAt[i % hoverAt.length]!;
      started = performance.now();
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position });
      if (i >= warmups) hoverSamples.push(performance.now() - started);
      if (!hover) throw new Error(`hover returned nothing at line ${position.line}, character ${position.character}`);
    }
    const hover = percentiles(hoverSamples);
    log(
      `hover on a load-balancing command: p50 ${hover.p50.toFixed(2)} ms, p95 ${hover.p95.toFixed(2)} ms (n=${hover.n})`,
    );

    // Typing: each keystroke is followed at once by a completion request, which finds the analysis out of date.
    const typingSamples: number[] = [];
    for (let i = 0; i < typingRounds; i++) {
      await client.edit(URI, [{ range: priorityDigit, newText: flip() }]);
      started = client.lastChangeSentAt;
      await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: cursor });
      typingSamples.push(performance.now() - started);
    }
    const typingCompletion = percentiles(typingSamples);
    log(
      `keystroke then completion (from the change): p50 ${typingCompletion.p50.toFixed(1)} ms, p95 ${typingCompletion.p95.toFixed(1)} ms (n=${typingCompletion.n})`,
    );

    return {
      lines,
      megabytes: text.length / 1e6,
      openUntilFirstDiagnosticsMs,
      edit,
      completion,
      hover,
      typingCompletion,
    };
  } finally {
    await client.stop();
  }
}

/** Resolves when every one of `uris` has had diagnostics published, or throws after `limitMs`. */
async function allPublished(client: TestClient, uris: readonly string[], limitMs: number): Promise<void> {
  const deadline = performance.now() + limitMs;
  for (;;) {
    try {
      // `diagnostics` answers at once for a file already published and otherwise waits (up to WAIT_MS) for it.
      await Promise.all(uris.map((uri) => client.diagnostics(uri)));
      return;
    } catch (error) {
      if (performance.now() > deadline) {
        const published = new Set(client.published.map((p) => p.uri));
        throw new Error(
          `${uris.filter((u) => !published.has(u)).length} of ${uris.length} files had no diagnostics after ${limitMs} ms: ${String(error)}`,
        );
      }
    }
  }
}

/** Memory is read this long after the last publication, once the server has finished the work that follows it. */
const SETTLE_MS = 1000;

export async function workspaceBench({ quick, log = console.log }: LspBenchOptions): Promise<WorkspaceResult> {
  const runs = quick ? 1 : 3;
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-bench-workspace-'));
  try {
    const uris: string[] = [];
    let bytes = 0;
    for (let i = 0; i < WORKSPACE_FILES; i++) {
      // Groups of 10, as the in-process workspace figure uses.
      const text = generateConfig(WORKSPACE_LINES, (i % 10) + 1, Math.floor(i / 10) + 1);
      const path = join(dir, `asa${String(i).padStart(3, '0')}.cfg`);
      writeFileSync(path, text);
      bytes += Buffer.byteLength(text);
      uris.push(fileUri(path));
    }
    log(
      `workspace: ${WORKSPACE_FILES} files × ${WORKSPACE_LINES.toLocaleString('en')} lines, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`,
    );
    const runsMs: number[] = [];
    const rssMB: number[] = [];
    const rssAtPublishMB: number[] = [];
    let peakRssMB = 0;
    let indexLog: string | null = null;
    let editMs = { p50: NaN, p95: NaN, n: 0 };
    for (let run = 0; run < runs; run++) {
      const client = await TestClient.start({ folder: dir });
      // TestClient.start returns right after sending `initialized`.
      const initializedAt = performance.now();
      try {
        await allPublished(client, uris, WORKSPACE_LIMIT_MS);
        const elapsed = performance.now() - initializedAt;
        const atPublish = serverMemory(client.child.pid);
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const memory = serverMemory(client.child.pid);
        runsMs.push(elapsed);
        rssMB.push(memory?.rssMB ?? NaN);
        rssAtPublishMB.push(atPublish?.rssMB ?? NaN);
        peakRssMB = Math.max(peakRssMB, memory?.peakMB ?? NaN);
        indexLog ??= client.logs.find((l) => /^Indexed \d+ device files/.test(l)) ?? null;
        log(
          `run ${run + 1}: all ${uris.length} files published ${elapsed.toFixed(0)} ms after initialized; server VmRSS ${memory ? memory.rssMB.toFixed(0) : '?'} MB ${SETTLE_MS} ms later (${atPublish ? atPublish.rssMB.toFixed(0) : '?'} MB at the last publication, peak ${memory ? memory.peakMB.toFixed(0) : '?'} MB)`,
        );
        if (run === 0) {
          // Typing in one member of the big workspace: its group's other members are re-checked too.
          const uri = uris[5]!;
          const text = readFileSync(fileURLToPath(uri), 'utf8');
          const line = text.split('\n').findIndex((l) => l.startsWith(' priority '));
          const opened = client.publication(uri, 1);
          await client.open(uri, text);
          await opened;
          const samples: number[] = [];
          for (let i = 0; i < (quick ? 20 : 60); i++) {
            const published = client.publication(uri, client.version(uri) + 1);
            await client.edit(uri, [
              {
                range: { start: { line, character: 10 }, end: { line, character: 11 } },
                newText: i % 2 === 0 ? '9' : '6',
              },
            ]);
            await published;
            samples.push(performance.now() - client.lastChangeSentAt);
          }
          editMs = { ...percentiles(samples), n: samples.length };
          log(
            `one member open, its priority edited: p50 ${editMs.p50.toFixed(1)} ms, p95 ${editMs.p95.toFixed(1)} ms until published (n=${samples.length})`,
          );
        }
      } finally {
        await client.stop();
      }
    }
    return {
      files: WORKSPACE_FILES,
      linesPerFile: WORKSPACE_LINES,
      megabytes: bytes / 1e6,
      runsMs,
      medianMs: median(runsMs),
      rssMB,
      maxRssMB: Math.max(...rssMB),
      rssAtPublishMB,
      peakRssMB,
      indexLog,
      editMs,
    };
  } finally {
    removeFolder(dir);
  }
}

export async function activationBench({ quick, log = console.log }: LspBenchOptions): Promise<ActivationResult> {
  const runs = quick ? 3 : 10;
  const path = join(ROOT, 'test', 'examples', 'dc-vpn-1.cfg');
  const text = readFileSync(path, 'utf8');
  const uri = fileUri(path);
  const initialize: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < runs; run++) {
    const spawnedAt = performance.now();
    const client = await TestClient.start({ noFolders: true });
    // TestClient.start spawns the process at once and returns right after the `initialize` response (and sending
    // `initialized`, a single write), so this is the initialize round trip from a cold process.
    initialize.push(performance.now() - spawnedAt);
    try {
      const published = client.publication(uri, 1);
      await client.open(uri, text);
      await published;
      ready.push(performance.now() - spawnedAt);
    } finally {
      await client.stop();
    }
  }
  const summary = (samples: number[]) => ({
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples,
  });
  const result = { runs, initializeMs: summary(initialize), readyMs: summary(ready) };
  log(
    `spawn → initialize response: median ${result.initializeMs.median.toFixed(0)} ms; spawn → first diagnostics of an opened document: median ${result.readyMs.median.toFixed(0)} ms (${runs} runs)`,
  );
  return result;
}

export const LSP_SECTIONS = { edit: editBench, workspace: workspaceBench, activation: activationBench } as const;

// Run on its own (not when bundled into the main benchmark, whose entry point has another name).
if (process.argv[1]?.endsWith('lsp.bench.ts')) {
  const quick = process.argv.includes('--quick');
  const asked = process.argv.slice(2).filter((a): a is keyof typeof LSP_SECTIONS => Object.hasOwn(LSP_SECTIONS, a));
  for (const name of asked.length > 0 ? asked : (Object.keys(LSP_SECTIONS) as (keyof typeof LSP_SECTIONS)[])) {
    console.log(`\n[${name}]`);
    await LSP_SECTIONS[name]({ quick });
  }
  // Timers of abandoned waits must not keep the process alive.
  process.exit(0);
}
