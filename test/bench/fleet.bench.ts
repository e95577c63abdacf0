// Benchmarks of a backup repository of many devices (one file per device, as Oxidized or RANCID write them):
//  - the CLI (`asa-lb check --format json FOLDER`) as a whole process on a fleet, on one 100,000-line file, and on
//    10,000 devices: wall time and peak resident memory, against a line scan of the same files in the same run
//    (a process that reads every file, splits it into lines and matches each line's first word — the limit);
//  - the language server indexing the fleet as its workspace folder: time until every file's diagnostics are
//    published, and its peak resident memory.
// The fleets are generated deterministically from the corpus (one device in ten a load-balancing member, in groups
// of three) into the temporary folder, once, and reused by later runs.
// The CLI measured is the one the npm package ships: the production build (minified), made for each run in a temporary
// folder (the files in dist/ that other commands run are never rewritten); its start-up is part of every figure.
// `npm run bench` runs this; it also runs on its own:
//   node --import tsx test/bench/fleet.bench.ts [--quick] [server]   (server: only the language server's figures)
// BENCH_CLI=path/to/cli.js measures another build of the CLI (to compare before and after a change).
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, ROOT, TestClient } from '../lsp/client';
import { generateConfig } from './inputs';
import { serverMemory } from './lsp.bench';
import { median, printTable } from './stats';

export interface FleetSpec {
  devices: number;
  lines: number;
}

export interface ProcessFigure {
  /** Wall time of each run, in milliseconds. */
  runsMs: number[];
  medianMs: number;
  /** Processor time (user and system, all threads) of each run, in milliseconds, or null where unavailable. */
  cpuMs: (number | null)[];
  /** The highest peak resident memory of the runs, in MiB (from /usr/bin/time -v), or null where unavailable. */
  peakMB: number | null;
  exitCode: number | null;
  error: string | null;
}

export interface CliCase {
  name: string;
  spec: FleetSpec;
  megabytes: number;
  cli: ProcessFigure;
  scan: ProcessFigure;
  /** The CLI's median time over the line scan's. */
  ratio: number;
  /** The same for processor time: steadier than wall time on a busy machine, but blind to the gain of threads. */
  cpuRatio: number | null;
}

export interface ServerCase {
  spec: FleetSpec;
  /** From `initialized` until every file's diagnostics were published. */
  ms: number | null;
  peakMB: number | null;
  error: string | null;
}

export interface FleetResult {
  /** Which build of the CLI ran: `production build` (as the npm package ships it) or the BENCH_CLI path. */
  cli: string;
  cases: CliCase[];
  server: ServerCase;
}

interface CliUnderTest {
  path: string;
  label: string;
  /** Removes what was built for the run. */
  dispose: () => void;
}

/** BENCH_CLI when given, or else the production build of the CLI, built into a temporary folder of its own. */
function cliUnderTest(log: (line: string) => void): CliUnderTest {
  const given = process.env['BENCH_CLI'];
  if (given) return { path: given, label: `BENCH_CLI ${given}`, dispose: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-bench-cli-'));
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'esbuild.config.mjs'), '--production', '--only=cli', `--outdir=${dir}`],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`building the production CLI failed:\n${built.stderr}`);
  log(`CLI: the production build (minified, as the npm package ships it), built into ${dir}`);
  return {
    path: join(dir, 'cli.js'),
    label: 'production build',
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const FLEETS = {
  full: { fleet: { devices: 2_000, lines: 5_000 }, many: { devices: 10_000, lines: 2_000 }, runs: 3 },
  quick: { fleet: { devices: 300, lines: 5_000 }, many: { devices: 10_000, lines: 200 }, runs: 1 },
} as const;
const LARGE: FleetSpec = { devices: 1, lines: 100_000 };
const SERVER_LIMIT_MS = 300_000;
const CLI_LIMIT_MS = 600_000;

/** Device `i` of a fleet: every tenth a load-balancing member, members in groups of three. */
function device(i: number, lines: number): string {
  const hostname = `fleet-${String(i).padStart(5, '0')}`;
  if (i % 10 !== 0) return generateConfig(lines, i, 0, { lb: false, hostname });
  const member = i / 10;
  return generateConfig(lines, (member % 3) + 1, Math.floor(member / 3) + 1, { hostname });
}

/** The folder holding the fleet, generated on first use; a finished folder is renamed into place, so it is whole. */
export function fleetFolder(
  spec: FleetSpec,
  log: (line: string) => void = console.log,
): { dir: string; megabytes: number } {
  const dir = join(tmpdir(), `asa-lb-bench-fleet-${spec.devices}x${spec.lines}-v1`);
  if (!existsSync(dir)) {
    const started = performance.now();
    const partial = `${dir}.partial-${process.pid}`;
    mkdirSync(partial, { recursive: true });
    for (let i = 0; i < spec.devices; i++)
      writeFileSync(
        join(partial, `asa${String(i).padStart(5, '0')}.cfg`),
        spec.devices === 1 ? generateConfig(spec.lines) : device(i, spec.lines),
      );
    renameSync(partial, dir);
    log(
      `generated ${spec.devices.toLocaleString('en')} × ${spec.lines.toLocaleString('en')} lines in ${((performance.now() - started) / 1000).toFixed(1)} s: ${dir}`,
    );
  }
  let bytes = 0;
  for (let i = 0; i < spec.devices; i++) bytes += statSync(join(dir, `asa${String(i).padStart(5, '0')}.cfg`)).size;
  return { dir, megabytes: bytes / 1e6 };
}

// The limit: read each file as the CLI does (UTF-8, invalid bytes replaced), split it into lines, match each line's
// first word. A process of its own, so that both sides pay Node's start-up.
const LINE_SCAN = `
const fs = require('node:fs'), path = require('node:path');
const FIRST_WORD = /^\\s*(\\S+)/, decoder = new TextDecoder('utf-8', { fatal: false });
let commands = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else for (const line of decoder.decode(fs.readFileSync(full)).split(/\\r\\n|\\r|\\n/)) if (FIRST_WORD.exec(line)?.[1] !== '!') commands++;
  }
};
walk(process.argv[1]);
process.stdout.write(commands + '\\n');
`;

/** Runs a node process under /usr/bin/time -v, its standard output into `outFile`; its wall time and peak memory. */
async function measured(
  args: string[],
  outFile: string,
  limitMs: number,
): Promise<{ ms: number; cpuMs: number | null; peakMB: number | null; exitCode: number | null; error: string | null }> {
  const timeFile = `${outFile}.time`;
  const viaTime = existsSync('/usr/bin/time');
  const command = viaTime ? '/usr/bin/time' : process.execPath;
  const argv = viaTime ? ['-v', '-o', timeFile, process.execPath, ...args] : args;
  const out = openSync(outFile, 'w');
  const started = performance.now();
  try {
    return await new Promise((resolve) => {
      const child = spawn(command, argv, { stdio: ['ignore', out, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const ms = performance.now() - started;
        let peakMB: number | null = null;
        let cpuMs: number | null = null;
        let exitCode: number | null = code;
        if (viaTime && existsSync(timeFile)) {
          const report = readFileSync(timeFile, 'utf8');
          const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
          if (kb) peakMB = Number(kb[1]) / 1024;
          const user = /User time \(seconds\): ([\d.]+)/.exec(report);
          const system = /System time \(seconds\): ([\d.]+)/.exec(report);
          if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
          const status = /Exit status: (\d+)/.exec(report);
          if (status) exitCode = Number(status[1]);
          const killed = /Command terminated by signal (\d+)/.exec(report);
          if (killed) exitCode = null;
        }
        const failed = signal !== null || exitCode === null || exitCode > 1;
        // V8's fatal errors end with a native stack: its first line says what happened.
        const lines = stderr.split('\n').filter((l) => l && !l.startsWith('\t') && !l.startsWith('Command '));
        const lastLines = lines.find((l) => l.startsWith('FATAL ERROR')) ?? lines.slice(-3).join(' | ');
        resolve({
          ms,
          cpuMs,
          peakMB,
          exitCode,
          error: failed ? `exited with ${signal ?? exitCode ?? 'a signal'}${lastLines ? `: ${lastLines}` : ''}` : null,
        });
      });
    });
  } finally {
    closeSync(out);
  }
}

function medianCpu(figure: ProcessFigure): number | null {
  return figure.cpuMs.length > 0 && figure.cpuMs.every((c) => c !== null) ? median(figure.cpuMs as number[]) : null;
}

async function repeat(
  runs: number,
  args: string[],
  outFile: string,
  check: (outFile: string) => string | null,
): Promise<ProcessFigure> {
  const runsMs: number[] = [];
  const cpuMs: (number | null)[] = [];
  let peakMB: number | null = null;
  let exitCode: number | null = null;
  for (let i = 0; i < runs; i++) {
    const run = await measured(args, outFile, CLI_LIMIT_MS);
    exitCode = run.exitCode;
    const error = run.error ?? check(outFile);
    if (error) return { runsMs, medianMs: NaN, cpuMs, peakMB: run.peakMB, exitCode, error };
    runsMs.push(run.ms);
    cpuMs.push(run.cpuMs);
    if (run.peakMB !== null) peakMB = Math.max(peakMB ?? 0, run.peakMB);
  }
  return { runsMs, medianMs: median(runsMs), cpuMs, peakMB, exitCode, error: null };
}

/** The CLI and the line scan on one folder, alternating is not needed: each runs `runs` times, the scan first. */
async function cliCase(
  name: string,
  spec: FleetSpec,
  runs: number,
  cliUnder: CliUnderTest,
  log: (line: string) => void,
): Promise<CliCase> {
  const { dir, megabytes } = fleetFolder(spec, log);
  const out = join(tmpdir(), `asa-lb-bench-out-${process.pid}`);
  try {
    const scan = await repeat(runs, ['-e', LINE_SCAN, dir], out, () => null);
    const cli = await repeat(runs, [cliUnder.path, 'check', '--format', 'json', dir], out, (file) => {
      // The answer must be whole: every device listed.
      try {
        const files = (JSON.parse(readFileSync(file, 'utf8')) as { files: unknown[] }).files.length;
        return files === spec.devices ? null : `listed ${files} of ${spec.devices} files`;
      } catch (error) {
        return `output is not JSON (${String(error).slice(0, 100)})`;
      }
    });
    const ratio = cli.medianMs / scan.medianMs;
    const cpuRatio = medianCpu(cli) !== null && medianCpu(scan) !== null ? medianCpu(cli)! / medianCpu(scan)! : null;
    const mb = (f: ProcessFigure): string => (f.peakMB === null ? '?' : `${f.peakMB.toFixed(0)} MB`);
    log(
      `${name}: ${spec.devices.toLocaleString('en')} × ${spec.lines.toLocaleString('en')} lines (${megabytes.toFixed(0)} MB): line scan ${scan.medianMs.toFixed(0)} ms, peak ${mb(scan)}; CLI (${cliUnder.label}) ${cli.error ? `failed (${cli.error})` : `${cli.medianMs.toFixed(0)} ms (${ratio.toFixed(1)}×), peak ${mb(cli)}`}`,
    );
    return { name, spec, megabytes, cli, scan, ratio, cpuRatio };
  } finally {
    rmSync(out, { force: true });
    rmSync(`${out}.time`, { force: true });
  }
}

async function serverCase(spec: FleetSpec, log: (line: string) => void): Promise<ServerCase> {
  const { dir } = fleetFolder(spec, log);
  const uris = new Set(
    Array.from({ length: spec.devices }, (_, i) => fileUri(join(dir, `asa${String(i).padStart(5, '0')}.cfg`))),
  );
  const client = await TestClient.start({ folder: dir });
  const started = performance.now();
  try {
    for (;;) {
      const published = new Set(client.published.map((p) => p.uri));
      if ([...uris].every((u) => published.has(u))) break;
      if (performance.now() - started > SERVER_LIMIT_MS)
        return {
          spec,
          ms: null,
          peakMB: serverMemory(client.child.pid)?.peakMB ?? null,
          error: `${uris.size - published.size} files unpublished after ${SERVER_LIMIT_MS / 1000} s`,
        };
      if (client.child.exitCode !== null)
        return { spec, ms: null, peakMB: null, error: `the server exited with ${client.child.exitCode}` };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ms = performance.now() - started;
    const peakMB = serverMemory(client.child.pid)?.peakMB ?? null;
    log(
      `server: ${spec.devices.toLocaleString('en')} files published ${ms.toFixed(0)} ms after initialized, peak ${peakMB?.toFixed(0) ?? '?'} MB`,
    );
    return { spec, ms, peakMB, error: null };
  } finally {
    await client.stop();
  }
}

export async function serverFleetBench({
  quick,
  log = console.log,
}: {
  quick: boolean;
  log?: (line: string) => void;
}): Promise<ServerCase> {
  return serverCase((quick ? FLEETS.quick : FLEETS.full).fleet, log);
}

export async function fleetBench({
  quick,
  log = console.log,
}: {
  quick: boolean;
  log?: (line: string) => void;
}): Promise<FleetResult> {
  const plan = quick ? FLEETS.quick : FLEETS.full;
  const cli = cliUnderTest(log);
  let cases: CliCase[];
  try {
    cases = [
      await cliCase('fleet', plan.fleet, plan.runs, cli, log),
      await cliCase('large file', LARGE, plan.runs, cli, log),
      await cliCase('many devices', plan.many, 1, cli, log),
    ];
  } finally {
    cli.dispose();
  }
  const server = await serverCase(plan.fleet, log);
  return { cli: cli.label, cases, server };
}

/** The budgets, as rows of the summary: measure, figure, budget, and whether it passed (null: not measured). */
export function fleetBudgets(
  result: FleetResult,
): { measure: string; figure: string; limit: string; name: string; pass: boolean; detail: string }[] {
  const rows: ReturnType<typeof fleetBudgets> = [];
  const size = (s: FleetSpec): string => `${s.devices.toLocaleString('en')} × ${s.lines.toLocaleString('en')} lines`;
  const peak = (f: ProcessFigure): string => (f.peakMB === null ? 'peak unknown' : `peak ${f.peakMB.toFixed(0)} MB`);
  const cpu = (c: CliCase): string =>
    c.cpuRatio === null
      ? ''
      : `; processor time ${(medianCpu(c.cli)! / 1000).toFixed(1)} s vs ${(medianCpu(c.scan)! / 1000).toFixed(1)} s (${c.cpuRatio.toFixed(1)}×)`;
  const figure = (c: CliCase): string =>
    c.cli.error
      ? `failed: ${c.cli.error}`
      : `${c.cli.medianMs.toFixed(0)} ms, ${peak(c.cli)}; scan ${c.scan.medianMs.toFixed(0)} ms (${c.ratio.toFixed(1)}×)${cpu(c)}`;
  const [fleet, large, many] = result.cases as [CliCase, CliCase, CliCase];
  const fleetName = `CLI check of ${size(fleet.spec)} within 3× the line scan`;
  rows.push({
    measure: `CLI (${result.cli}) fleet ${size(fleet.spec)}`,
    figure: figure(fleet),
    limit: '≤ 3× scan',
    name: fleetName,
    pass: !fleet.cli.error && fleet.ratio <= 3,
    detail: figure(fleet),
  });
  rows.push({
    measure: '  its peak memory',
    figure: peak(fleet.cli),
    limit: '< 600 MB',
    name: `CLI check of ${size(fleet.spec)} under 600 MB peak`,
    pass: !fleet.cli.error && fleet.cli.peakMB !== null && fleet.cli.peakMB < 600,
    detail: peak(fleet.cli),
  });
  rows.push({
    measure: `CLI (${result.cli}) one 100,000-line file`,
    figure: figure(large),
    limit: '≤ 3× scan',
    name: 'CLI check of one 100,000-line file within 3× the line scan',
    pass: !large.cli.error && large.ratio <= 3,
    detail: figure(large),
  });
  rows.push({
    measure: `CLI (${result.cli}) ${size(many.spec)}`,
    figure: figure(many),
    limit: 'completes',
    name: `CLI check of ${size(many.spec)} completes`,
    pass: !many.cli.error,
    detail: figure(many),
  });
  const s = result.server;
  const serverFigure = s.error
    ? `failed: ${s.error}`
    : `${s.ms!.toFixed(0)} ms to all diagnostics, peak ${s.peakMB?.toFixed(0) ?? '?'} MB`;
  rows.push({
    measure: `LSP indexing ${size(s.spec)}`,
    figure: serverFigure,
    limit: '< 400 MB',
    name: `language server indexing ${size(s.spec)} under 400 MB peak`,
    pass: !s.error && s.peakMB !== null && s.peakMB < 400,
    detail: serverFigure,
  });
  return rows;
}

// Run on its own (not when bundled into the main benchmark, whose entry point has another name).
if (process.argv[1]?.endsWith('fleet.bench.ts') && process.argv.includes('server')) {
  await serverFleetBench({ quick: process.argv.includes('--quick') });
  process.exit(0);
} else if (process.argv[1]?.endsWith('fleet.bench.ts')) {
  const result = await fleetBench({ quick: process.argv.includes('--quick') });
  const rows = fleetBudgets(result);
  console.log('');
  printTable(
    ['measure', 'figure', 'budget', ''],
    rows.map((r) => [r.measure, r.figure, r.limit, r.pass ? 'PASS' : 'FAIL']),
  );
  console.log('');
  for (const r of rows) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.detail}`);
  process.exit(0);
}
