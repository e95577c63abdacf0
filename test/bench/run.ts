// The benchmark (`npm run bench`): measures the product against the limit for this work on the same machine in
// the same run, prints a table with pass/fail lines for the budgets, and writes everything to
// .artifacts/bench/results.json. It is a script, not a test: these machines are too noisy for timed assertions.
import { mkdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyzeDocument } from '../../server/src/core/analyze';
import { clearParseCache } from '../../server/src/core/syntax/parser';
import { Workspace } from '../../server/src/core/workspace';
import { loadAsaGrammar } from '../grammar/textmate';
import { generateConfig } from './inputs';

const root = process.cwd();
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const SIZES = [1_000, 10_000, 100_000];

interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

function stats(samples: number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeAsync(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function measure(run: () => void, runs = RUNS): Figure {
  run(); // one warm-up so that every figure measures optimised code
  return stats(Array.from({ length: runs }, () => time(run)));
}

const FIRST_WORD = /^\s*(\S+)/;

/** The limit for this work: split the text into lines and classify each by its first word with one regular expression. */
function baseline(text: string): number {
  let commands = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (FIRST_WORD.exec(line)?.[1] !== '!') commands++;
  return commands;
}

const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, date: new Date().toISOString() };
const rows: string[][] = [];
const budgets: { name: string; pass: boolean; detail: string }[] = [];
const fmt = (f: Figure): string => `${f.median.toFixed(1)} ms (${f.min.toFixed(1)}–${f.max.toFixed(1)})`;

const grammar = await loadAsaGrammar();
const vsctm = (await import('node:module')).createRequire(import.meta.url)('vscode-textmate') as typeof import('vscode-textmate');

for (const size of SIZES) {
  const text = generateConfig(size);
  const base = measure(() => void baseline(text));
  const textmate = measure(() => {
    let state = vsctm.INITIAL;
    for (const line of text.split(/\r\n|\r|\n/)) state = grammar.tokenizeLine(line, state).ruleStack;
  }, size >= 100_000 ? Math.min(RUNS, 3) : RUNS);
  const cold = stats(Array.from({ length: RUNS }, () => { clearParseCache(); return time(() => void analyzeDocument('bench.cfg', text)); }));
  const warm = measure(() => void analyzeDocument('bench.cfg', text));
  rows.push([`${size.toLocaleString('en')} lines`, fmt(base), fmt(textmate), fmt(cold), fmt(warm), `${(cold.median / base.median).toFixed(1)}×`]);
  results[`lines-${size}`] = { baseline: base, textmate, analysisCold: cold, analysisWarm: warm };
  if (size === 100_000) {
    budgets.push({ name: 'full analysis of 100,000 lines within 3× the baseline', pass: cold.median <= 3 * base.median, detail: `${cold.median.toFixed(1)} ms vs 3 × ${base.median.toFixed(1)} ms` });
    budgets.push({ name: 'full analysis of 100,000 lines faster than TextMate tokenisation', pass: cold.median < textmate.median, detail: `${cold.median.toFixed(1)} ms vs ${textmate.median.toFixed(1)} ms` });

    // The keystroke path in the core: one character typed and removed on an indented line of the block.
    const ws = new Workspace();
    ws.set('bench.cfg', text);
    ws.result('bench.cfg');
    const at = text.indexOf(' participate') + 1;
    const edits: number[] = [];
    for (let i = 0; i < 60; i++) {
      const edited = i % 2 ? text : text.slice(0, at) + 'x' + text.slice(at);
      edits.push(time(() => { ws.set('bench.cfg', edited); ws.result('bench.cfg'); }));
    }
    results['coreEdit100k'] = { p50: percentile(edits, 0.5), p95: percentile(edits, 0.95) };
    rows.push(['edit in 100,000 lines (core)', '', '', `p50 ${percentile(edits, 0.5).toFixed(1)} ms`, `p95 ${percentile(edits, 0.95).toFixed(1)} ms`, '']);
  }
}

console.log('\nAnalysis of one device (median of runs, min–max)\n');
const header = ['input', 'baseline', 'TextMate', 'analysis cold', 'analysis warm', 'cold / baseline'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => (cell ?? '').padEnd(widths[i]!)).join('  '));

// A workspace of 200 device configs of 5,000 lines each, in groups of 10.
{
  const docs = Array.from({ length: 200 }, (_, i) => ({ uri: `ws/asa${i}.cfg`, text: generateConfig(5_000, (i % 10) + 1, Math.floor(i / 10) + 1) }));
  clearParseCache();
  const before = process.memoryUsage().rss;
  const ws = new Workspace();
  const ms = await timeAsync(async () => {
    for (const doc of docs) ws.set(doc.uri, doc.text);
    for (const doc of docs) ws.result(doc.uri);
  });
  const rss = process.memoryUsage().rss;
  results['workspace200'] = { ms, rssMB: rss / 2 ** 20, rssGrowthMB: (rss - before) / 2 ** 20, groups: ws.groups().length };
  console.log(`\nWorkspace of 200 configs × 5,000 lines (in-process core): ${ms.toFixed(0)} ms, resident memory ${(rss / 2 ** 20).toFixed(0)} MB, ${ws.groups().length} groups`);
  budgets.push({ name: '200-device workspace analysed in under 3 s (core)', pass: ms < 3000, detail: `${ms.toFixed(0)} ms` });
  budgets.push({ name: '200-device workspace in under 300 MB', pass: rss < 300 * 2 ** 20, detail: `${(rss / 2 ** 20).toFixed(0)} MB resident` });
}

// The simulator, measured by its own script so its hot loop runs in a clean process.
{
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'bench', 'simulate.bench.ts')], { encoding: 'utf8', cwd: root });
  const match = /([\d.]+) ?M(?:illion)? ?placements\/s|median ([\d.]+) M/i.exec(out.stdout);
  const perSecond = match ? Number(match[1] ?? match[2]) * 1e6 : NaN;
  results['simulatorPlacementsPerSecond'] = perSecond;
  console.log(`\nSimulator: ${(perSecond / 1e6).toFixed(1)} M placements/s for a 10-member group`);
  budgets.push({ name: 'at least 2 million placements per second', pass: perSecond >= 2e6, detail: `${(perSecond / 1e6).toFixed(1)} M/s` });
}

// The packaged extension's bundles.
{
  const sizes: Record<string, number> = {};
  for (const name of ['cli.js', 'server.js', 'client.js', 'webview.js']) {
    const path = join(root, 'dist', name);
    if (existsSync(path)) sizes[name] = statSync(path).size;
  }
  results['bundleBytes'] = sizes;
  console.log(`\nBundles: ${Object.entries(sizes).map(([n, b]) => `${n} ${(b / 1024).toFixed(0)} KiB`).join(', ')}`);
}

console.log('\nBudgets');
for (const b of budgets) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.detail}`);
results['budgets'] = budgets;
const outDir = join(root, '.artifacts', 'bench');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));
console.log(`\nWritten to ${join('.artifacts', 'bench', 'results.json')}`);
