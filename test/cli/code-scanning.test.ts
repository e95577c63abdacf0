// What code-scanning views need from the CLI, as a real subprocess: SARIF rules that link the README's diagnostics
// table, the package's version, fingerprints that follow a finding when lines move and change when the line does,
// the GitLab Code Quality report, and --only-device-files for hooks that pass any staged .txt file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from '../support/bundles';

const root = join(import.meta.dirname, '..', '..');
const cli = bundle('cli');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface SarifResult {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}
interface SarifRun {
  tool: {
    driver: { version: string; rules: { id: string; helpUri: string; help: { text: string; markdown: string } }[] };
  };
  results: SarifResult[];
}
interface Issue {
  check_name: string;
  description: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sarif(cwd: string, path = '.'): SarifRun {
  return (JSON.parse(run(['check', '--format', 'sarif', path], cwd).stdout) as { runs: SarifRun[] }).runs[0]!;
}

/** The example group copied into a folder of its own, so its files can be edited. */
function examples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-scan-'));
  cpSync(join(root, 'test', 'examples'), dir, { recursive: true });
  return dir;
}

function byFingerprint(results: SarifResult[]): Map<string, { rule: string; uri: string; line: number }> {
  return new Map(
    results.map((r) => [
      r.partialFingerprints['asaLb/v1']!,
      {
        rule: r.ruleId,
        uri: r.locations[0]!.physicalLocation.artifactLocation.uri,
        line: r.locations[0]!.physicalLocation.region.startLine,
      },
    ]),
  );
}

test('SARIF: every rule links its row of the README diagnostics table; the driver carries the package version', () => {
  const run = sarif(join(root, 'test', 'examples'));
  assert.equal(run.tool.driver.version, VERSION);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const rule of run.tool.driver.rules) {
    assert.equal(rule.helpUri, `https://github.com/asa-lb/asa-lb/blob/main/README.md#${rule.id}`);
    assert.ok(readme.includes(`<a id="${rule.id}"></a>`), `the README has no row for ${rule.id}`);
    assert.ok(rule.help.text.length > 40 && rule.help.markdown.includes(`(${rule.helpUri})`), rule.id);
  }
});

test('SARIF fingerprints: unique per finding, unchanged when lines are added above, new when the line changes', () => {
  const dir = examples();
  const before = sarif(dir).results;
  const prints = byFingerprint(before);
  assert.equal(prints.size, before.length, 'two findings share a fingerprint');
  assert.ok(before.every((r) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['asaLb/v1']!)));

  // Ten comment lines on top of every file move every finding down by ten lines and change nothing else.
  for (const name of ['dc-vpn-1.cfg', 'dc-vpn-2.cfg', 'dc-vpn-3.cfg', 'add-dc-vpn-4.txt']) {
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    // Transcripts need their first prompt line in place; the comments go after it there.
    const at = name.endsWith('.txt') ? 1 : 0;
    lines.splice(at, 0, ...Array.from({ length: 10 }, (_, i) => `! moved ${i}`));
    writeFileSync(path, lines.join('\n'));
  }
  const moved = sarif(dir).results;
  assert.equal(moved.length, before.length);
  for (const [print, was] of prints) {
    const now = byFingerprint(moved).get(print);
    assert.ok(now, `the finding ${was.rule} at ${was.uri}:${was.line} lost its fingerprint when lines moved`);
    assert.deepEqual({ rule: now.rule, uri: now.uri }, { rule: was.rule, uri: was.uri });
    assert.equal(now.line, was.line + 10, was.rule);
  }

  // Editing the misspelt line itself (another misspelling) makes it a new finding; the others keep theirs.
  const path = join(dir, 'dc-vpn-3.cfg');
  writeFileSync(path, readFileSync(path, 'utf8').replace(' priorty 5', ' priortiy 5'));
  const edited = byFingerprint(sarif(dir).results);
  const unknown = [...prints].find(([, f]) => f.rule === 'unknown-lb-command')![0];
  assert.ok(!edited.has(unknown), 'a changed line kept its fingerprint');
  assert.equal([...prints.keys()].filter((p) => edited.has(p)).length, prints.size - 1);
});

test('fingerprints leave secrets out: two keys on the same line give the same fingerprint', () => {
  const dir = examples();
  const key = (): string =>
    [...byFingerprint(sarif(dir).results)].find(([, f]) => f.rule === 'plaintext-cluster-key')![0];
  const first = key();
  const path = join(dir, 'dc-vpn-3.cfg');
  writeFileSync(path, readFileSync(path, 'utf8').replace('cluster key Summer2024!', 'cluster key Winter2025?'));
  assert.equal(key(), first);
});

test('--format codequality: a GitLab Code Quality report with the SARIF fingerprints', () => {
  const dir = join(root, 'test', 'examples');
  const { status, stdout } = run(['check', '--format', 'codequality', '.'], dir);
  assert.equal(status, 1);
  const issues = JSON.parse(stdout) as Issue[];
  const results = sarif(dir).results;
  assert.equal(issues.length, results.length);
  for (const [i, issue] of issues.entries()) {
    assert.deepEqual(Object.keys(issue).sort(), [
      'check_name',
      'description',
      'fingerprint',
      'location',
      'severity',
      'type',
    ]);
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
    assert.equal(issue.fingerprint, results[i]!.partialFingerprints['asaLb/v1']);
    assert.equal(issue.check_name, results[i]!.ruleId);
    assert.equal(issue.location.path, results[i]!.locations[0]!.physicalLocation.artifactLocation.uri);
    assert.equal(issue.location.lines.begin, results[i]!.locations[0]!.physicalLocation.region.startLine);
  }
  const unknown = issues.find((i) => i.check_name === 'unknown-lb-command')!;
  assert.deepEqual(
    [unknown.location.path, unknown.location.lines.begin, unknown.severity],
    ['dc-vpn-3.cfg', 22, 'major'],
  );
  assert.ok(issues.some((i) => i.severity === 'minor') && issues.some((i) => i.severity === 'info'));
});

test('--only-device-files: named files that are not ASA are skipped; none left is a success', () => {
  const dir = examples();
  writeFileSync(join(dir, 'notes.txt'), 'Change window: Saturday 02:00.\n');
  writeFileSync(join(dir, 'lab.asa'), 'hostname lab\n');
  // Without the option a named file is checked whatever it holds.
  assert.match(run(['check', 'notes.txt'], dir).stdout, /^1 file checked/m);
  const skipped = run(['check', '--only-device-files', 'notes.txt'], dir);
  assert.equal(skipped.status, 0, skipped.stderr);
  assert.match(skipped.stdout, /^0 files checked/m);
  // A .asa file always counts; a .txt transcript counts by its prompts; the notes do not.
  const mixed = run(
    ['check', '--only-device-files', '--format', 'json', 'notes.txt', 'lab.asa', 'add-dc-vpn-4.txt'],
    dir,
  );
  assert.equal(mixed.status, 1);
  assert.deepEqual(
    (JSON.parse(mixed.stdout) as { files: { path: string }[] }).files.map((f) => f.path),
    ['lab.asa', 'add-dc-vpn-4.txt'],
  );
  // A folder without device files is an error without the option, and nothing to do with it.
  const empty = mkdtempSync(join(tmpdir(), 'asa-lb-scan-'));
  writeFileSync(join(empty, 'notes.txt'), 'nothing\n');
  assert.equal(run(['check', empty], dir).status, 2);
  assert.equal(run(['check', '--only-device-files', empty], dir).status, 0);
});
