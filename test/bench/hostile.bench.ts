// Each trap of a hostile repository timed on its own, through the CLI as CI runs it and the language server as the
// editor runs it: wall time and peak memory against a budget, so `npm run bench` prints a PASS/FAIL line per trap.
// Every run has a hard timeout (a trap that hangs is killed and fails). `--cli=` and `--server=` point it at another
// build, which is how the figures before the fixes were taken.
// Run on its own: npm run build && node --import tsx test/bench/hostile.bench.ts [--cli=dist/cli.js] [--server=dist/server.js]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, ROOT, SERVER, TestClient } from '../lsp/client';
import { Workspace } from '../../server/src/core/workspace';
import { member, SECRET, single } from '../support/hostile-repo';

export interface TrapResult {
  name: string;
  /** Wall time in seconds, or null when the run was killed at the timeout. */
  seconds: number | null;
  /** Peak resident memory of the process in MB, when it could be measured. */
  rssMb: number | null;
  outcome: string;
  budget: string;
  pass: boolean;
}

const TIME = '/usr/bin/time';
const secrets = ['KeyA', 'KeyB', 'KeyC', 'KeyEnc'].map(SECRET);

const CLEAN = [
  'hostname asa1',
  'interface GigabitEthernet0/0',
  ' nameif outside',
  ' ip address 192.0.2.10 255.255.255.0',
  'vpn load-balancing',
  ' interface lbpublic outside',
  ' cluster ip address 192.0.2.100',
  ' participate',
  '',
].join('\n');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-trap-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Runs `node cli args…` in `cwd` under a hard timeout, with /usr/bin/time for the peak memory when it is there. */
function runCli(
  cli: string,
  args: string[],
  cwd: string,
  timeoutSeconds: number,
): { seconds: number | null; rssMb: number | null; status: number | null; stdout: string; stderr: string } {
  const timed = existsSync(TIME);
  const command = timed ? TIME : 'timeout';
  const argv = timed
    ? ['-f', '@@time %e %M', 'timeout', '-s', 'KILL', String(timeoutSeconds), process.execPath, cli, ...args]
    : ['-s', 'KILL', String(timeoutSeconds), process.execPath, cli, ...args];
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  const stderr = result.stderr ?? '';
  const m = /@@time ([\d.]+) (\d+)\s*$/.exec(stderr);
  // timeout exits 137 (killed) when the time ran out.
  const killed = result.status === 137 || result.status === 124 || wall >= timeoutSeconds;
  return {
    seconds: killed ? null : m ? Number(m[1]) : wall,
    rssMb: m ? Math.round(Number(m[2]) / 1024) : null,
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: m ? stderr.slice(0, m.index) : stderr,
  };
}

function secretFree(...texts: string[]): boolean {
  return texts.every((t) => !t.includes('Planted'));
}

export async function hostileBench(
  options: { quick?: boolean; log?: (line: string) => void; cli?: string; server?: string; timeout?: number } = {},
): Promise<TrapResult[]> {
  const log = options.log ?? (() => undefined);
  const cli = options.cli ?? join(ROOT, 'dist', 'cli.js');
  const server = options.server ?? SERVER;
  const limit = options.timeout ?? 30;
  const results: TrapResult[] = [];
  const made: string[] = [];
  const record = (r: TrapResult): void => {
    results.push(r);
    log(
      `  ${r.name}: ${r.seconds === null ? `killed after ${limit} s` : `${r.seconds.toFixed(2)} s`}${r.rssMb !== null ? `, ${r.rssMb} MB` : ''} — ${r.outcome}`,
    );
  };
  const cliTrap = (
    name: string,
    files: Record<string, string>,
    args: string[],
    budgetSeconds: number,
    budgetMb: number,
    prepare?: (dir: string) => void,
  ): void => {
    const dir = folder(files);
    made.push(dir);
    prepare?.(dir);
    const run = runCli(cli, args, dir, limit);
    // GNU time's own note on a non-zero exit is not the CLI's.
    const firstError =
      run.stderr
        .trim()
        .split('\n')
        .filter((l) => !/^Command (?:exited|terminated)/.test(l))[0]
        ?.slice(0, 120) ?? '';
    const outcome =
      run.seconds === null
        ? 'did not finish'
        : `exit ${run.status}${firstError ? `: ${firstError}` : ''}${secretFree(run.stdout, run.stderr) ? '' : ' — A SECRET WAS PRINTED'}`;
    const pass =
      run.seconds !== null &&
      run.seconds < budgetSeconds &&
      (run.rssMb === null || run.rssMb < budgetMb) &&
      (run.status === 0 || run.status === 1 || run.status === 2) &&
      secretFree(run.stdout, run.stderr);
    record({
      name,
      seconds: run.seconds,
      rssMb: run.rssMb,
      outcome,
      budget: `< ${budgetSeconds} s, < ${budgetMb} MB`,
      pass,
    });
  };

  try {
    log('Hostile repository, each trap on its own (CLI):');
    cliTrap(
      'files of blank lines (400 KB .txt, 200 KB .cfg) beside a config',
      { 'asa1.cfg': CLEAN, 'notes.txt': '\n'.repeat(400_000), 'notes.cfg': '\r\n'.repeat(100_000) },
      ['check', '.'],
      2,
      300,
    );
    const group: Record<string, string> = {};
    for (let i = 0; i < 1_000; i++) group[`m${String(i).padStart(4, '0')}.cfg`] = member(i, secrets);
    cliTrap('a group of 1,000 members', group, ['check', '--format', 'json', '.'], 10, 600);
    const singles: Record<string, string> = {};
    for (let i = 0; i < 2_000; i++) singles[`s${String(i).padStart(4, '0')}.cfg`] = single(i);
    cliTrap('2,000 single-member groups on one subnet', singles, ['check', '--format', 'json', '.'], 10, 600);
    cliTrap(
      'a device-file pattern of 13 globstars',
      {
        'asa1.cfg': CLEAN,
        [`${'a'.repeat(40)}.txt`]: 'x\n',
        'settings.json': JSON.stringify({ 'asaLb.deviceFiles': [`${'**a'.repeat(12)}**b`, '**/*.cfg'] }),
      },
      ['check', '--config', 'settings.json', '.'],
      2,
      300,
    );
    cliTrap(
      'a committed link to /dev/zero named on the command line',
      { 'asa1.cfg': CLEAN },
      ['check', 'asa1.cfg', 'zz-backup.cfg'],
      2,
      300,
      (dir) => symlinkSync('/dev/zero', join(dir, 'zz-backup.cfg')),
    );
    cliTrap(
      'a FIFO named on the command line',
      { 'asa1.cfg': CLEAN },
      ['check', 'asa1.cfg', 'pipe.cfg'],
      2,
      300,
      (dir) => {
        spawnSync('mkfifo', [join(dir, 'pipe.cfg')]);
      },
    );
    cliTrap('a 1.5 GB blob in the folder walked', { 'asa1.cfg': CLEAN }, ['check', '.'], 2, 300, (dir) => {
      writeFileSync(join(dir, 'capture.txt'), '');
      truncateSync(join(dir, 'capture.txt'), 1536 * 1024 * 1024);
    });
    cliTrap(
      'a word of 6 MB (with a key behind a typo)',
      {
        'huge.cfg': `hostname huge\nvpn load-balancing\n cluster ip address ${'w'.repeat(6_000_000)}\n cluster kye ${SECRET('Huge')}\n`,
      },
      ['check', 'huge.cfg'],
      5,
      600,
    );
    const many = Array.from({ length: 300 }, (_, i) => ({
      name: `a${i}`,
      publicIp: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      ssl: { active: 0, limit: 1_000_000 },
    }));
    cliTrap(
      'simulate 300 members × 100,000 sessions',
      { 'big.json': JSON.stringify({ connections: 100_000, members: many }) },
      ['simulate', 'big.json'],
      2,
      300,
    );

    log('Hostile repository, the group checks alone (core, in this process):');
    for (const [name, count, make] of [
      ['the group checks of a 1,000-member group', 1_000, (i: number) => member(i, secrets)],
      ['the group checks of 2,000 single-member groups on one subnet', 2_000, single],
    ] as const) {
      const ws = new Workspace();
      for (let i = 0; i < count; i++) ws.set(`m${i}.cfg`, make(i), { retain: false });
      for (const uri of ws.uris()) ws.device(uri);
      const started = performance.now();
      ws.groups();
      for (const uri of ws.uris()) ws.diagnostics(uri);
      const seconds = (performance.now() - started) / 1000;
      // Budget: a fifth of a second per hundred members, well under the second per hundred a user would notice.
      record({
        name,
        seconds,
        rssMb: null,
        outcome: `${((seconds * 100) / count).toFixed(3)} s per hundred members`,
        budget: `< ${count / 500} s`,
        pass: seconds < count / 500,
      });
    }

    log('Hostile repository, each trap on its own (language server over stdio):');
    // A blank-line file in the workspace: how long a hover on the config waits.
    {
      const dir = folder({ 'asa1.cfg': CLEAN, 'notes.txt': '\n'.repeat(300_000) });
      made.push(dir);
      const started = performance.now();
      let client: TestClient | null = null;
      try {
        client = await TestClient.start({ folder: dir, args: [server, '--stdio'] });
        await client.diagnostics(fileUri(join(dir, 'asa1.cfg')));
        await client.request('textDocument/hover', {
          textDocument: { uri: fileUri(join(dir, 'asa1.cfg')) },
          position: { line: 5, character: 3 },
        });
        const seconds = (performance.now() - started) / 1000;
        record({
          name: 'server: a 300 KB blank-line file in the workspace, start → first hover',
          seconds,
          rssMb: null,
          outcome: 'answered',
          budget: '< 3 s',
          pass: seconds < 3,
        });
      } catch (error) {
        record({
          name: 'server: a 300 KB blank-line file in the workspace, start → first hover',
          seconds: null,
          rssMb: null,
          outcome: `failed: ${(error as Error).message.slice(0, 100)}`,
          budget: '< 3 s',
          pass: false,
        });
      } finally {
        await client?.stop().catch(() => undefined);
      }
    }
    // Completion after an interface whose id is 200,000 digits and a letter: the digits cannot end the name.
    {
      const text = `hostname iface\ninterface GigabitEthernet0/${'7'.repeat(200_000)}x\n nameif outside\n\n`;
      const dir = folder({ 'iface.asa': text });
      made.push(dir);
      let client: TestClient | null = null;
      try {
        client = await TestClient.start({ folder: dir, args: [server, '--stdio'] });
        const uri = fileUri(join(dir, 'iface.asa'));
        await client.open(uri, text);
        await client.diagnostics(uri);
        const started = performance.now();
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
        const seconds = (performance.now() - started) / 1000;
        record({
          name: 'server: completion after a 200,000-digit interface id ending in a letter',
          seconds,
          rssMb: null,
          outcome: 'answered',
          budget: '< 0.5 s',
          pass: seconds < 0.5,
        });
      } catch (error) {
        record({
          name: 'server: completion after a 200,000-digit interface id ending in a letter',
          seconds: null,
          rssMb: null,
          outcome: `failed: ${(error as Error).message.slice(0, 100)}`,
          budget: '< 0.5 s',
          pass: false,
        });
      } finally {
        await client?.stop().catch(() => undefined);
      }
    }
  } finally {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

// Run on its own only: bundled into the benchmark, this module's URL is the bundle's.
if (process.argv[1]?.endsWith('hostile.bench.ts')) {
  const option = (name: string): string | undefined =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const results = await hostileBench({
    log: console.log,
    cli: option('cli'),
    server: option('server'),
    timeout: Number(option('timeout') ?? 30),
  });
  for (const r of results) console.log(`  ${r.pass ? 'PASS' : 'FAIL'}  ${r.name} (${r.budget})`);
  process.exit(0);
}
