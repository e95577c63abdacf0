// `asa-lb check` gives the same report whatever the number of worker threads, and the same as one workspace holding
// every file (as the language server sees them): on the example group, the corpus, and a generated fleet of devices
// with groups and a change script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCheck } from '../../server/src/cli/check';
import { isDeviceFile } from '../../server/src/core/detect';
import { Workspace } from '../../server/src/core/workspace';
import { generateConfig } from '../bench/inputs';
import { removeFolder } from '../lsp/client';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON report as one workspace holding every device file of `folder` gives it (CONTRACT §1's shape). */
function workspaceReport(folder: string): object {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => a.localeCompare(b))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter((f) => isDeviceFile(f.path.slice(folder.length + 1), f.text));
  const workspace = new Workspace();
  for (const f of files) workspace.set(f.path, f.text);
  return {
    files: files.map((f) => {
      const result = workspace.result(f.path)!;
      const device = result.analysis.device;
      return {
        path: f.path,
        hostname: device.hostname?.value ?? device.promptHostname ?? null,
        kind: result.analysis.tree.kind,
        diagnostics: result.diagnostics.map((d) => ({
          code: d.code,
          severity: d.severity,
          message: d.message,
          range: d.range,
          related: d.related.map((r) => ({ path: r.uri, range: r.range, message: r.message })),
        })),
      };
    }),
    groups: workspace.groups().map((g) => ({
      clusterIp: g.clusterIp,
      members: g.members.map((m) => ({
        path: m.uri,
        hostname: m.hostname,
        publicIp: m.publicIp,
        priority: m.priority,
        participates: m.participates,
      })),
      predictedDirector: g.predictedDirector,
    })),
  };
}

/** A small backup repository: 60 devices of 400 lines, every tenth a member (groups of three), and a change script. */
function fleet(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-fleet-'));
  for (let i = 0; i < 60; i++) {
    const hostname = `fleet-${i}`;
    const text =
      i % 10 === 0
        ? generateConfig(400, ((i / 10) % 3) + 1, Math.floor(i / 30) + 1, { hostname })
        : generateConfig(400, i, 0, { lb: false, hostname });
    writeFileSync(join(dir, `asa${String(i).padStart(2, '0')}.cfg`), text);
  }
  // A device of the example group and a change script for it, which is judged on top of that device's config.
  writeFileSync(join(dir, 'dc-vpn-1.cfg'), readFileSync(join(root, 'test', 'examples', 'dc-vpn-1.cfg')));
  writeFileSync(
    join(dir, 'change-dc-vpn-1.txt'),
    'dc-vpn-1# configure terminal\ndc-vpn-1(config)# no crypto ikev1 enable inside\ndc-vpn-1(config)# exit\n',
  );
  return dir;
}

for (const [name, folder, cleanUp] of [
  ['the example group', join(root, 'test', 'examples'), false],
  ['the corpus', join(root, 'test', 'fixtures', 'corpus'), false],
  ['a generated fleet with a change script', fleet(), true],
] as const) {
  test(`check ${name}: one thread, three worker threads and one workspace give the same report`, async () => {
    try {
      const expected = workspaceReport(folder);
      const single = run(['check', '--format', 'json', '--jobs', '1', folder]);
      const workers = run(['check', '--format', 'json', '--jobs', '3', folder]);
      assert.ok(single.status === 0 || single.status === 1, single.stderr);
      assert.deepEqual(JSON.parse(single.stdout), expected);
      assert.equal(workers.stdout, single.stdout);
      assert.equal(workers.status, single.status);
      // From the sources (no bundle to start workers from), in this process.
      const inProcess = await runCheck([folder], { format: 'json' });
      assert.equal(inProcess.stdout, single.stdout);
      for (const format of ['text', 'sarif', 'codequality']) {
        const one = run(['check', '--format', format, '--jobs', '1', folder]);
        const three = run(['check', '--format', format, '--jobs', '3', folder]);
        assert.equal(three.stdout, one.stdout, format);
        assert.equal(three.status, one.status, format);
      }
    } finally {
      if (cleanUp) removeFolder(folder);
    }
  });
}

test('check: the change script of the fleet is judged on top of its device config, as in one workspace', () => {
  const folder = fleet();
  try {
    type Report = {
      files: { path: string; kind: string; diagnostics: { code: string }[] }[];
      groups: { clusterIp: string; members: { path: string }[] }[];
    };
    const script = (report: Report) => report.files.find((f) => f.path.endsWith('change-dc-vpn-1.txt'))!;
    const whole = JSON.parse(run(['check', '--format', 'json', '--jobs', '2', folder]).stdout) as Report;
    const withConfig = script(whole);
    const alone = script(
      JSON.parse(
        run(['check', '--format', 'json', '--jobs', '2', join(folder, 'change-dc-vpn-1.txt')]).stdout,
      ) as Report,
    );
    assert.equal(withConfig.kind, 'transcript');
    // On top of the config, disabling IKEv1 under a running cluster encryption is an error; alone, nothing says it runs.
    assert.deepEqual(
      withConfig.diagnostics.map((d) => d.code),
      ['encryption-without-ikev1'],
    );
    assert.deepEqual(
      alone.diagnostics.map((d) => d.code),
      [],
    );
    // The script is that device after the change, not one more member of its group.
    const group = whole.groups.find((g) => g.clusterIp === '209.165.202.140')!;
    assert.deepEqual(
      group.members.map((m) => basename(m.path)),
      ['dc-vpn-1.cfg'],
    );
  } finally {
    removeFolder(folder);
  }
});

test('check --jobs refuses a count that is not a whole number of at least 1', () => {
  for (const jobs of ['0', 'x', '1.5']) {
    const result = run(['check', '--jobs', jobs, 'test/examples/']);
    assert.equal(result.status, 2, jobs);
    assert.match(result.stderr, /--jobs must be a whole number of at least 1/);
  }
});
