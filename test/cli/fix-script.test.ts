// `asa-lb fix` and `asa-lb script` as real subprocesses: exit codes, formats, files written byte for byte apart
// from the fixes, and a cluster key printed nowhere (diff context lines and scripts included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../../server/src/core/workspace';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const examples = join(root, 'test', 'examples');

function run(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempCopyOfExamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-fix-'));
  cpSync(examples, dir, { recursive: true });
  return dir;
}

/** Every key the example group holds (clear and encrypted), which no output may contain. */
const KEYS = ['Xq9dPlHeS1lA0zmQWbY7ZA==', 'Summer2024!'];

function assertNoKey(text: string): void {
  for (const key of KEYS) assert.ok(!text.includes(key), `a cluster key was printed:\n${text}`);
  assert.doesNotMatch(text, /^[ +-]?(?:\S+\(config[a-z-]*\)# )?\s*cluster key (?!(?:8 )?<redacted>|\*+\s*$)\S/m);
}

test('the example group holds the keys this test looks for', () => {
  const all = readdirSync(examples)
    .map((f) => readFileSync(join(examples, f), 'utf8'))
    .join('\n');
  for (const key of KEYS) assert.ok(all.includes(key), key);
});

test('fix: prints a unified diff per changed file, changes nothing, hides the key in context lines', () => {
  const dir = tempCopyOfExamples();
  const before = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
  const { status, stdout, stderr } = run(['fix', dir]);
  // Errors that have no unambiguous fix remain (overlapping pools, encryption before the key in the script).
  assert.equal(status, 1, stderr);
  assert.match(stdout, new RegExp(`^--- a/${dir.replace(/[/.]/g, '\\$&')}/dc-vpn-2\\.cfg\\n\\+\\+\\+ b/`, 'm'));
  assert.match(stdout, /^- cluster port 9024\n\+ cluster port 9023$/m);
  assert.match(stdout, /^\+crypto ikev1 enable inside$/m);
  assert.match(stdout, /^ {2}cluster key 8 <redacted>$/m, 'a context line shows where the key is, not the key');
  assertNoKey(stdout + stderr);
  assert.deepEqual(
    readdirSync(dir).map((f) => readFileSync(join(dir, f))),
    before,
    'without --write nothing changes',
  );
});

test('fix --write: files rewritten byte for byte apart from the fixes, CRLF and a byte-order mark kept; fixed again, nothing changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-fix-'));
  const original = readFileSync(join(examples, 'dc-vpn-2.cfg'), 'utf8').replace(/\n/g, '\r\n');
  writeFileSync(join(dir, 'dc-vpn-2.cfg'), `\ufeff${original}`);
  writeFileSync(join(dir, 'dc-vpn-1.cfg'), readFileSync(join(examples, 'dc-vpn-1.cfg')));
  const diff = run(['fix', dir]).stdout;
  const { status, stdout, stderr } = run(['fix', '--write', dir]);
  assert.equal(status, 1, stderr);
  assert.match(stdout, /dc-vpn-2\.cfg: \d+ fix(es)? written/);
  assertNoKey(stdout + stderr);
  const written = readFileSync(join(dir, 'dc-vpn-2.cfg'), 'utf8');
  assert.ok(written.startsWith('\ufeff'), 'byte-order mark kept');
  assert.ok(!/[^\r]\n/.test(written), 'CRLF kept on every line, the inserted one included');
  // Exactly the diff's changes: undo them line by line and the original comes back.
  const removed = diff
    .split('\n')
    .filter((l) => l.startsWith('-') && !l.startsWith('---'))
    .map((l) => l.slice(1).replace(/\r$/, ''));
  const added = diff
    .split('\n')
    .filter((l) => l.startsWith('+') && !l.startsWith('+++'))
    .map((l) => l.slice(1).replace(/\r$/, ''));
  const writtenLines = written.slice(1).split('\r\n');
  const originalLines = original.split('\r\n');
  assert.deepEqual(
    writtenLines.filter((l) => !originalLines.includes(l)),
    added.filter((l) => !originalLines.includes(l)),
  );
  assert.deepEqual(
    originalLines.filter((l) => !writtenLines.includes(l)),
    removed.filter((l) => !writtenLines.includes(l)),
  );
  assert.equal(writtenLines.length, originalLines.length + added.length - removed.length);
  // Stable: a second run finds nothing more to fix.
  const again = run(['fix', dir]);
  assert.equal(again.stdout, '');
});

test('fix --format json: the fixes applied per file, and exit 0 when no error remains', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-fix-'));
  writeFileSync(join(dir, 'dc-vpn-1.cfg'), readFileSync(join(examples, 'dc-vpn-1.cfg')));
  writeFileSync(
    join(dir, 'dc-vpn-2.cfg'),
    readFileSync(join(examples, 'dc-vpn-2.cfg'), 'utf8')
      .replace(
        'VPN-POOL-2 10.50.1.200-10.50.2.254 mask 255.255.254.0',
        'VPN-POOL-2 10.50.2.1-10.50.2.254 mask 255.255.255.0',
      )
      .replace('cluster port 9024', 'cluster port 9023'),
  );
  const { status, stdout, stderr } = run(['fix', '--format', 'json', dir]);
  assert.equal(status, 0, stderr + stdout);
  const json = JSON.parse(stdout) as {
    files: { path: string; fixes: { code: string; title: string; range: unknown }[] }[];
  };
  const two = json.files.find((f) => f.path.endsWith('dc-vpn-2.cfg'))!;
  assert.deepEqual(
    two.fixes.map((f) => f.code),
    ['encryption-without-ikev1'],
  );
  assert.ok(two.fixes.every((f) => typeof f.title === 'string' && f.range));
  assertNoKey(stdout);
});

test('fix: bad usage exits 2 with one line', () => {
  for (const args of [['fix'], ['fix', '--format', 'xml', 'test/examples'], ['fix', 'no/such/path']]) {
    const { status, stderr } = run(args);
    assert.equal(status, 2, args.join(' '));
    assert.ok(stderr.trim().length > 0);
  }
});

/** The example member without its load-balancing configuration: the device before it joins the group. */
function memberBeforeJoining(): string {
  const member = readFileSync(join(examples, 'dc-vpn-1.cfg'), 'utf8');
  const start = member.indexOf('vpn load-balancing');
  const end = member.indexOf('!', start);
  return (
    member.slice(0, start) +
    member
      .slice(end)
      .replace(' group-url https://209.165.202.140/staff enable\n', '')
      .replace('crypto ikev1 enable inside\n', '')
  );
}

test('script: text to paste, in the order the device accepts, the key only as a comment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-script-'));
  writeFileSync(join(dir, 'before.cfg'), memberBeforeJoining());
  const { status, stdout, stderr } = run(['script', join(dir, 'before.cfg'), 'test/examples/dc-vpn-1.cfg']);
  assert.equal(status, 0, stderr);
  const lines = stdout.split('\n').filter((l) => l && !l.startsWith('! '));
  assert.equal(lines[0], 'configure terminal');
  assert.equal(lines[lines.length - 1], 'write memory');
  const at = (text: string): number => lines.indexOf(text);
  assert.ok(at('crypto ikev1 enable inside') < at('vpn load-balancing'), 'IKEv1 before the block');
  assert.ok(at(' interface lbpublic outside') > at('vpn load-balancing'));
  assert.ok(at(' cluster encryption') < at(' participate'));
  assert.equal(lines[at(' participate') + 1], ' exit', "'participate' is the block's last line");
  assert.match(
    stdout,
    /^ ! Type here: cluster key <the group's shared secret>/m,
    'a comment says which command to type',
  );
  assert.ok(
    stdout.indexOf('! Type here: cluster key') < stdout.indexOf(' cluster encryption'),
    'the key before encryption',
  );
  assertNoKey(stdout);
});

test('script --format transcript: prompts the device shows, and check reads it as a change script on its base without error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-script-'));
  writeFileSync(join(dir, 'dc-vpn-1.cfg'), memberBeforeJoining());
  const { status, stdout } = run([
    'script',
    '--format',
    'transcript',
    join(dir, 'dc-vpn-1.cfg'),
    'test/examples/dc-vpn-1.cfg',
  ]);
  assert.equal(status, 0);
  assert.match(stdout, /^dc-vpn-1# configure terminal$/m);
  assert.match(stdout, /^dc-vpn-1\(config-load-balancing\)# participate$/m);
  assert.match(stdout, /^dc-vpn-1\(config-load-balancing\)# cluster key \*{5}$/m);
  assertNoKey(stdout);
  writeFileSync(join(dir, 'join-group.txt'), stdout);
  const check = run(['check', '--format', 'json', dir]);
  const json = JSON.parse(check.stdout) as {
    files: { path: string; kind: string; diagnostics: { severity: string; code: string }[] }[];
    groups: { members: { path: string; publicIp: string | null }[] }[];
  };
  const script = json.files.find((f) => f.path.endsWith('join-group.txt'))!;
  assert.equal(script.kind, 'transcript');
  assert.deepEqual(
    script.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  // Judged on its base: the member's public address comes from the configuration the script runs on.
  const member = json.groups[0]!.members.find((m) => m.path.endsWith('join-group.txt'))!;
  assert.equal(member.publicIp, '209.165.202.130');
});

test('script --format json: steps with mode, command and reason; unscripted differences named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-script-'));
  const target = readFileSync(join(examples, 'dc-vpn-1.cfg'), 'utf8')
    .replace('vpn-sessiondb max-other-vpn-limit 250', 'vpn-sessiondb max-other-vpn-limit 500')
    .replace(' priority 9', ' priority 8');
  writeFileSync(join(dir, 'after.cfg'), target);
  const { status, stdout } = run(['script', '--format', 'json', 'test/examples/dc-vpn-1.cfg', join(dir, 'after.cfg')]);
  assert.equal(status, 0);
  const json = JSON.parse(stdout) as {
    hostname: string;
    steps: { mode: string; command: string; reason: string }[];
    unscripted: string[];
  };
  assert.equal(json.hostname, 'dc-vpn-1');
  assert.deepEqual(
    json.steps.map((s) => `${s.mode}: ${s.command}`),
    [
      'exec: configure terminal',
      'config: vpn load-balancing',
      'config-load-balancing: priority 8',
      'config-load-balancing: exit',
      'config: write memory',
    ],
  );
  assert.ok(json.steps.every((s) => s.reason.length > 0));
  assert.deepEqual(json.unscripted, ['vpn-sessiondb max-other-vpn-limit']);
  // The text names them in its header.
  const text = run(['script', 'test/examples/dc-vpn-1.cfg', join(dir, 'after.cfg')]).stdout;
  assert.match(text, /^! Not scripted .*vpn-sessiondb max-other-vpn-limit/m);
});

test('script: two devices, a TARGET with errors, or a change script as input are refused with exit 2 and one line, unless --force', () => {
  const two = run(['script', 'test/examples/dc-vpn-1.cfg', 'test/examples/dc-vpn-2.cfg']);
  assert.equal(two.status, 2);
  assert.equal(two.stderr.trim().split('\n').length, 1);
  assert.match(two.stderr, /not the same device/);
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-script-'));
  writeFileSync(
    join(dir, 'broken.cfg'),
    readFileSync(join(examples, 'dc-vpn-1.cfg'), 'utf8').replace(' priority 9', ' priority 11'),
  );
  const broken = run(['script', 'test/examples/dc-vpn-1.cfg', join(dir, 'broken.cfg')]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /has 1 error .*priority-out-of-range/);
  const forced = run(['script', '--force', 'test/examples/dc-vpn-1.cfg', 'test/examples/dc-vpn-2.cfg']);
  assert.equal(forced.status, 0);
  assert.match(forced.stdout, /^! Not scripted .*hostname \(dc-vpn-1 → dc-vpn-2\)/m);
  assertNoKey(forced.stdout);
  const transcript = run(['script', 'test/examples/dc-vpn-1.cfg', 'test/examples/add-dc-vpn-4.txt']);
  assert.equal(transcript.status, 2);
  assert.match(transcript.stderr, /a change script, not a running-config/);
  assert.equal(run(['script', 'test/examples/dc-vpn-1.cfg']).status, 2);
  assert.equal(
    run(['script', '--format', 'yaml', 'test/examples/dc-vpn-1.cfg', 'test/examples/dc-vpn-1.cfg']).status,
    2,
  );
});

test('script: a clear-text key in BASE or TARGET is never printed, in any format', () => {
  const three = 'test/examples/dc-vpn-3.cfg';
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-script-'));
  const fixed = readFileSync(join(examples, 'dc-vpn-3.cfg'), 'utf8')
    .replace('priorty 5', 'priority 5')
    .replace('lbprivate Inside', 'lbprivate inside')
    .replace(/cluster key \S+/, 'cluster key An0ther-Secret');
  writeFileSync(join(dir, 'dc-vpn-3.cfg'), fixed);
  for (const format of ['text', 'transcript', 'json']) {
    const { status, stdout } = run(['script', '--format', format, three, join(dir, 'dc-vpn-3.cfg')]);
    assert.equal(status, 0, format);
    assertNoKey(stdout);
    assert.ok(!stdout.includes('An0ther-Secret'));
    assert.match(stdout, /Type here: cluster key/);
  }
});

test('the workspace used by check sees the same transcript the CLI printed', () => {
  // A guard against the CLI and the core disagreeing: the transcript parsed in-process gives no error either.
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-script-'));
  writeFileSync(join(dir, 'before.cfg'), memberBeforeJoining());
  const transcript = run([
    'script',
    '--format',
    'transcript',
    join(dir, 'before.cfg'),
    'test/examples/dc-vpn-1.cfg',
  ]).stdout;
  const workspace = new Workspace();
  workspace.set('before.cfg', memberBeforeJoining());
  workspace.set('join.txt', transcript);
  assert.deepEqual(
    workspace.diagnostics('join.txt')!.filter((d) => d.severity === 'error'),
    [],
  );
});

test('fix --write leaves a file that is not plain UTF-8 byte for byte as it was, and says so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-fix-'));
  const text = readFileSync(join(examples, 'dc-vpn-3.cfg'), 'utf8');
  // A Latin-1 'é' in a comment: decoding replaces it, so writing the decoded text back would change that byte.
  const bytes = Buffer.concat([Buffer.from('! caf'), Buffer.from([0xe9]), Buffer.from('\n'), Buffer.from(text)]);
  writeFileSync(join(dir, 'dc-vpn-3.cfg'), bytes);
  const { status, stdout, stderr } = run(['fix', '--write', join(dir, 'dc-vpn-3.cfg')]);
  assert.equal(status, 1, 'the errors stay in the file on disk');
  assert.equal(stdout, '', 'no file is reported as written');
  assert.match(stderr, /dc-vpn-3\.cfg: not written \(not plain UTF-8/);
  assert.deepEqual(readFileSync(join(dir, 'dc-vpn-3.cfg')), bytes);
});
