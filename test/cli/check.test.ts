// The CLI as a real subprocess: exit codes, the JSON shape the README documents, SARIF validated against its schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from '../support/bundles';
import Ajv from 'ajv-draft-04';

const root = join(import.meta.dirname, '..', '..');
const cli = bundle('cli');

function run(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'asa-lb-'));
}

const CLEAN = `hostname asa1
interface GigabitEthernet0/0
 nameif outside
 ip address 192.0.2.10 255.255.255.0
interface GigabitEthernet0/1
 nameif inside
 ip address 10.0.0.10 255.255.255.0
vpn load-balancing
 interface lbpublic outside
 interface lbprivate inside
 cluster ip address 192.0.2.100
 participate
`;

test('check: the example group has errors (exit 1) and names the group and its predicted director', () => {
  const { status, stdout } = run(['check', 'test/examples/']);
  assert.equal(status, 1);
  assert.match(stdout, /^test\/examples\/dc-vpn-2\.cfg:\d+:\d+: error encryption-without-ikev1: /m);
  assert.match(stdout, /group 209\.165\.202\.140: \d+ members/);
  assert.match(stdout, /predicted director: dc-vpn-1 \(highest priority\)/);
});

test('check: a clean config exits 0 and prints no diagnostic line', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'asa1.cfg'), CLEAN);
  const { status, stdout } = run(['check', join(dir, 'asa1.cfg')]);
  assert.equal(status, 0, stdout);
  assert.doesNotMatch(stdout, /: (error|warning) /);
});

test('check --format json: the documented shape', () => {
  const { status, stdout } = run(['check', '--format', 'json', 'test/examples/']);
  assert.equal(status, 1);
  const json = JSON.parse(stdout);
  assert.deepEqual(Object.keys(json).sort(), ['files', 'groups']);
  const file = json.files.find((f: { path: string }) => f.path === 'test/examples/dc-vpn-2.cfg');
  assert.deepEqual(Object.keys(file).sort(), ['diagnostics', 'hostname', 'kind', 'path']);
  assert.equal(file.hostname, 'dc-vpn-2');
  assert.equal(file.kind, 'config');
  const d = file.diagnostics[0];
  assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'related', 'severity']);
  assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
  assert.equal(typeof d.range.start.line, 'number');
  const transcript = json.files.find((f: { path: string }) => f.path.endsWith('.txt'));
  assert.equal(transcript.kind, 'transcript');
  const group = json.groups.find((g: { clusterIp: string }) => g.clusterIp === '209.165.202.140');
  assert.equal(group.predictedDirector, 'test/examples/dc-vpn-1.cfg');
  assert.deepEqual(Object.keys(group.members[0]).sort(), ['hostname', 'participates', 'path', 'priority', 'publicIp']);
  assert.deepEqual(group.members[0], {
    path: 'test/examples/dc-vpn-1.cfg',
    hostname: 'dc-vpn-1',
    publicIp: '209.165.202.130',
    priority: 9,
    participates: true,
  });
});

test('check --format sarif: valid SARIF 2.1.0 with rules keyed by code', () => {
  const { stdout } = run(['check', '--format', 'sarif', 'test/examples/']);
  const log = JSON.parse(stdout) as {
    runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[];
  };
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(log.runs.length, 1);
  const ruleIds = log.runs[0]!.tool.driver.rules.map((r: { id: string }) => r.id);
  assert.ok(ruleIds.includes('encryption-without-ikev1'));
  assert.ok(log.runs[0]!.results.every((r: { ruleId: string }) => ruleIds.includes(r.ruleId)));
});

test('check: bad usage and unreadable paths exit 2 with one line on stderr', () => {
  for (const args of [
    ['check'],
    ['check', '--format', 'xml', 'test/examples/'],
    ['check', 'no/such/path.cfg'],
    ['frobnicate'],
  ]) {
    const { status, stderr } = run(args);
    assert.equal(status, 2, args.join(' '));
    assert.ok(stderr.trim().length > 0, args.join(' '));
  }
  const empty = tempDir();
  mkdirSync(join(empty, 'sub'));
  writeFileSync(join(empty, 'notes.txt'), 'nothing to see here\n');
  const { status, stderr } = run(['check', empty]);
  assert.equal(status, 2);
  assert.match(stderr, /no device configs found/);
  assert.equal(stderr.trim().split('\n').length, 1);
});

test('check --config: turns a code off and changes a severity', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'asa1.cfg'), CLEAN.replace(' participate\n', ' priority 42\n'));
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({
      'asaLb.diagnostics.priority-out-of-range': 'warning',
      'asaLb.diagnostics.not-participating': 'off',
    }),
  );
  const { status, stdout } = run(['check', '--config', join(dir, 'settings.json'), join(dir, 'asa1.cfg')]);
  assert.equal(status, 0, stdout);
  assert.match(stdout, /warning priority-out-of-range/);
  assert.doesNotMatch(stdout, /not-participating/);
  writeFileSync(join(dir, 'bad.json'), '{ "asaLb.diagnostics.no-such-code": "off" }');
  const bad = run(['check', '--config', join(dir, 'bad.json'), join(dir, 'asa1.cfg')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown diagnostic code 'no-such-code'/);
});

test('check: hostile files (empty, NUL bytes, a 1 MB line, CRLF, tabs, invalid UTF-8) never crash', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.cfg'), '');
  writeFileSync(join(dir, 'nul.cfg'), Buffer.from([0x41, 0x53, 0x41, 0, 0, 0xff, 0x0a]));
  writeFileSync(join(dir, 'long.cfg'), 'vpn load-balancing\n priority ' + '9'.repeat(1_000_000) + '\n');
  writeFileSync(join(dir, 'crlf.cfg'), CLEAN.replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'tabs.cfg'), CLEAN.replace(/^ /gm, '\t'));
  writeFileSync(
    join(dir, 'latin1.cfg'),
    Buffer.concat([Buffer.from('hostname caf'), Buffer.from([0xe9]), Buffer.from('\n' + CLEAN)]),
  );
  for (const name of ['empty.cfg', 'nul.cfg', 'long.cfg', 'crlf.cfg', 'tabs.cfg', 'latin1.cfg']) {
    const { status, stderr } = run(['check', '--format', 'json', join(dir, name)]);
    assert.ok(status === 0 || status === 1, `${name}: exit ${status} ${stderr}`);
  }
  const crlf = JSON.parse(run(['check', '--format', 'json', join(dir, 'crlf.cfg')]).stdout);
  // Alone in its workspace the device gets the single-member hint, and nothing else.
  assert.deepEqual(
    crlf.files[0].diagnostics.map((d: { code: string }) => d.code),
    ['single-member-group'],
  );
  const long = JSON.parse(run(['check', '--format', 'json', join(dir, 'long.cfg')]).stdout);
  assert.ok(long.files[0].diagnostics.some((d: { code: string }) => d.code === 'priority-out-of-range'));
});

test('check reads only regular files within the size limit, follows no link out of its folder, and says what it skipped', () => {
  const dir = tempDir();
  const outside = tempDir();
  mkdirSync(join(dir, 'configs'));
  writeFileSync(join(dir, 'configs', 'asa1.cfg'), CLEAN);
  writeFileSync(join(outside, 'stolen.cfg'), CLEAN.replace('hostname asa1', 'hostname stolen-host-7'));
  symlinkSync('/dev/zero', join(dir, 'configs', 'zz-backup.cfg'));
  symlinkSync(join(outside, 'stolen.cfg'), join(dir, 'configs', 'outside.cfg'));
  symlinkSync('asa1.cfg', join(dir, 'configs', 'alias.cfg'));
  assert.equal(spawnSync('mkfifo', [join(dir, 'configs', 'pipe.cfg')]).status, 0);
  // A sparse file: 40 MB by its size, nothing on disk.
  truncateSync(
    (writeFileSync(join(dir, 'configs', 'huge.txt'), ''), join(dir, 'configs', 'huge.txt')),
    40 * 1024 * 1024,
  );
  const expected = [
    /outside\.cfg: skipped, a symbolic link out of the folder it is in/,
    /zz-backup\.cfg: skipped, a symbolic link out of the folder it is in/,
    /pipe\.cfg: skipped, not a regular file/,
    /huge\.txt: skipped, larger than 32 MB/,
  ];
  for (const args of [
    ['configs'],
    [
      'configs/alias.cfg',
      'configs/asa1.cfg',
      'configs/huge.txt',
      'configs/outside.cfg',
      'configs/pipe.cfg',
      'configs/zz-backup.cfg',
    ],
  ]) {
    const { status, stdout, stderr } = run(['check', '--format', 'json', ...args], dir);
    // The link inside the folder is followed, so asa1 is there twice: a duplicate address, an error (exit 1).
    assert.equal(status, 1, stderr);
    for (const line of expected) assert.match(stderr, line);
    const json = JSON.parse(stdout) as { files: { path: string }[] };
    assert.deepEqual(
      json.files.map((f) => f.path).sort(),
      [join('configs', 'alias.cfg'), join('configs', 'asa1.cfg')],
      'a link inside the folder is followed',
    );
    assert.doesNotMatch(stdout, /stolen-host-7/);
  }
  const only = run(['check', 'configs/pipe.cfg', 'configs/zz-backup.cfg'], dir);
  assert.equal(only.status, 2);
  assert.match(
    only.stderr,
    /^no device configs to check: configs\/pipe\.cfg: skipped, not a regular file; configs\/zz-backup\.cfg: skipped/,
  );
});
