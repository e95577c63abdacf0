// `runShow` as the CLI main calls it: a capture file in, the documented JSON (or a table) out, exit 2 for anything else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { assertGolden } from '../../support/golden';
import { runShow, showText } from '../../../server/src/cli/show';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/show/${name}`, import.meta.url));

/** Compares with the golden file beside the fixtures (UPDATE_GOLDEN=1 rewrites it; then review the diff). */
function assertGoldenOutput(actual: string, goldenName: string): void {
  assertGolden(actual, fixture(goldenName));
}

test('show --format json prints the contract document, extended only by the optional peer count and version', async () => {
  const result = await runShow(fixture('genie-show-vpn-lb-1.txt'), { format: 'json' });
  assert.equal(result.exitCode, 0);
  assert.equal(result.stderr, '');
  const json = JSON.parse(result.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(json), ['status', 'role', 'failover', 'encryption', 'clusterIp', 'peers', 'peerCount']);
  for (const peer of json['peers'] as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(peer), ['publicIp', 'self', 'role', 'priority', 'model', 'ipsec', 'ssl', 'lbVersion']);
    assert.deepEqual(Object.keys(peer['ipsec'] as object), ['limit', 'active', 'load']);
  }
  assertGoldenOutput(result.stdout, 'genie-show-vpn-lb-1.asa-lb.json');
});

test('show --format text prints a readable table', async () => {
  const result = await runShow(fixture('genie-show-vpn-lb-1.txt'), { format: 'text' });
  assert.equal(result.exitCode, 0);
  assertGoldenOutput(result.stdout, 'genie-show-vpn-lb-1.asa-lb.txt');
});

test('the older layout prints null limits', async () => {
  const result = await runShow(fixture('seed-older-layout.txt'), { format: 'json' });
  assert.equal(result.exitCode, 0);
  const json = JSON.parse(result.stdout) as { peers: { ssl: { limit: number | null; active: number } }[] };
  assert.deepEqual(
    json.peers.map((p) => p.ssl),
    [
      { limit: null, active: 100, load: 2 },
      { limit: null, active: 0, load: 0 },
    ],
  );
});

test('a damaged capture still parses; each unreadable row is a warning on stderr, and the exit status is 0', async () => {
  const result = await runShow(fixture('member-view-crlf-damaged.txt'), { format: 'json' });
  assert.equal(result.exitCode, 0);
  assert.match(result.stderr, /^.*member-view-crlf-damaged\.txt:23: warning: license row not understood.*\n$/);
  const json = JSON.parse(result.stdout) as {
    role: string;
    peers: { publicIp: string; self: boolean; role: string; ssl: { active: number | null } }[];
  };
  assert.equal(json.role, 'member');
  assert.deepEqual(
    json.peers.map((p) => [p.publicIp, p.self, p.role, p.ssl.active]),
    [
      ['192.0.2.19', false, 'director', 125],
      ['192.0.2.9', true, 'member', 60],
      ['192.0.2.100', false, 'member', null],
    ],
  );
});

test('output of another command: exit 2 with one line', async () => {
  const result = await runShow(fixture('not-show-output.txt'), { format: 'json' });
  assert.equal(result.exitCode, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^[^\n]*not-show-output\.txt: this is not `show vpn load-balancing` output[^\n]*\n$/);
});

test('a missing file: exit 2 with one line', async () => {
  const result = await runShow(fixture('missing.txt'), { format: 'json' });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /^cannot read .*missing\.txt: no such file\n$/);
});

test('empty text: exit 2', () => {
  const result = showText('', { format: 'json' }, 'capture.txt');
  assert.deepEqual(result, { stdout: '', stderr: 'capture.txt: the text is empty\n', exitCode: 2 });
});

test('an unknown format: exit 2', () => {
  assert.equal(showText('x', { format: 'xml' as 'json' }).exitCode, 2);
});

test('a show version capture is refused: exit 2 and one line saying what it looks like', async () => {
  const result = await runShow(fixture('show-version.txt'), { format: 'json' });
  assert.deepEqual(result, {
    stdout: '',
    stderr: `${fixture('show-version.txt')}: this is not \`show vpn load-balancing\` output: it looks like the output of \`show version\`\n`,
    exitCode: 2,
  });
});

test('a running-config pasted instead is named as such', () => {
  const result = showText(
    'ASA Version 9.12(4)\nhostname asa1\nfailover\nfailover lan unit primary\n',
    { format: 'json' },
    'paste',
  );
  assert.equal(result.exitCode, 2);
  assert.equal(result.stderr, 'paste: this is not `show vpn load-balancing` output: it looks like a running-config\n');
});

test('a Peers count that disagrees with the table is a warning, not a failure', () => {
  const older = readFileSync(fixture('seed-older-layout.txt'), 'utf8').replace('Peers :      1', 'Peers :      3');
  const result = showText(older, { format: 'json' }, 'capture.txt');
  assert.equal(result.exitCode, 0);
  assert.equal(result.stderr, 'capture.txt:7: warning: Peers says 3 other units, but the table lists 2 units\n');
  assert.equal((JSON.parse(result.stdout) as { peerCount: number }).peerCount, 3);
});
