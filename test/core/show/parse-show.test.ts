// The `show vpn load-balancing` parser: both layouts, the corpus samples, and every kind of capture damage seen in real captures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { normaliseRole, parseShowVpnLoadBalancing, type ShowOutput } from '../../../server/src/core/show/index';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/show/${name}`, import.meta.url)), 'utf8');
const genie = fixture('genie-show-vpn-lb-1.txt');
const genieIndented = fixture('genie-show-vpn-lb-1-indented-2020.txt');
const seedOlder = fixture('seed-older-layout.txt');

function parsed(text: string): ShowOutput {
  const result = parseShowVpnLoadBalancing(text);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
}

const GENIE_EXPECTED: ShowOutput = {
  status: 'Enabled',
  role: 'director',
  failover: 'n/a',
  encryption: 'Enabled',
  clusterIp: 'cluster1',
  peers: [
    {
      publicIp: '10.246.0.1',
      self: true,
      role: 'director',
      priority: 5,
      model: 'ASA-VASA',
      ipsec: { limit: 250, active: 2, load: 1 },
      ssl: { limit: 250, active: 0, load: 0 },
      lbVersion: 4,
    },
    {
      publicIp: '10.246.0.2',
      self: false,
      role: 'member',
      priority: 5,
      model: 'ASA-VASA',
      ipsec: { limit: 0, active: 0, load: 0 },
      ssl: { limit: 0, active: 0, load: 0 },
      lbVersion: 4,
    },
  ],
  peerCount: 1,
};

test('the genie sample (newer layout, prompt line, broken alignment, no final newline) parses completely', () => {
  const result = parseShowVpnLoadBalancing(genie);
  assert.ok(result.ok);
  assert.equal(result.layout, 'newer');
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.value, GENIE_EXPECTED);
});

test('the 2020 sample, every line indented by 8 spaces, parses to the same values', () => {
  assert.deepEqual(parsed(genieIndented), GENIE_EXPECTED);
});

/** Genie's own expected parse, a Python dict literal, read as JSON for the cross-check. */
function genieExpected(): Record<string, unknown> {
  const literal = fixture('genie-show-vpn-lb-1.expected.py');
  const json = literal
    .slice(literal.indexOf('=') + 1)
    .replace(/(\s)(\d+):/g, '$1"$2":')
    .replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(json) as Record<string, unknown>;
}

test("both corpus samples agree with genieparser's expected parse", () => {
  interface GenieLoad {
    limit: number;
    used: number;
    load: number;
  }
  const expected = genieExpected() as {
    status: string;
    role: string;
    failover: string;
    encryption: string;
    cluster_ip: string;
    peers_count: number;
    peers: Record<
      string,
      { role: string; pri: number; model: string; public_ip: string; load_balancing_version: number }
    >;
    total_license_load: Record<
      string,
      { public_ip: string; anyconnect_premium_essentials: GenieLoad; other_vpn: GenieLoad }
    >;
  };
  for (const text of [genie, genieIndented]) {
    const show = parsed(text);
    assert.equal(show.status, expected.status);
    assert.equal(show.role, normaliseRole(expected.role));
    assert.equal(show.failover, expected.failover);
    assert.equal(show.encryption, expected.encryption);
    assert.equal(show.clusterIp, expected.cluster_ip);
    const peers = Object.values(expected.peers);
    assert.equal(show.peers.length, peers.length);
    peers.forEach((p, i) => {
      const peer = show.peers[i]!;
      assert.equal(peer.publicIp, p.public_ip.replace('*', ''));
      assert.equal(peer.self, p.public_ip.endsWith('*'));
      assert.equal(peer.role, normaliseRole(p.role));
      assert.equal(peer.priority, p.pri);
      assert.equal(peer.model, p.model);
      assert.equal(peer.lbVersion, p.load_balancing_version);
    });
    assert.equal(show.peerCount, expected.peers_count);
    for (const load of Object.values(expected.total_license_load)) {
      const peer = show.peers.find((p) => p.publicIp === load.public_ip.replace('*', ''))!;
      const ssl = load.anyconnect_premium_essentials;
      const other = load.other_vpn;
      assert.deepEqual(peer.ssl, { limit: ssl.limit, active: ssl.used, load: ssl.load });
      assert.deepEqual(peer.ipsec, { limit: other.limit, active: other.used, load: other.load });
    }
  }
});

test('the older layout (key/value header, one table, no limits) parses', () => {
  const result = parseShowVpnLoadBalancing(seedOlder);
  assert.ok(result.ok);
  assert.equal(result.layout, 'older');
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.value, {
    status: 'enabled',
    role: 'director',
    failover: 'Active',
    encryption: 'enabled',
    clusterIp: '192.168.1.100',
    peers: [
      {
        publicIp: '192.168.1.9',
        // No `*` in this layout; the header says the local unit is the director, and only one row is.
        self: true,
        role: 'director',
        priority: 7,
        model: 'ASA-5540',
        ipsec: { limit: null, active: 216, load: 4 },
        ssl: { limit: null, active: 100, load: 2 },
      },
      {
        publicIp: '192.168.1.19',
        self: false,
        role: 'member',
        priority: 9,
        model: 'ASA-5520',
        ipsec: { limit: null, active: 0, load: 0 },
        ssl: { limit: null, active: 0, load: 0 },
      },
    ],
    peerCount: 1,
  });
});

test('the older layout seen from a member leaves `self` unknown', () => {
  const show = parsed(seedOlder.replace('Role :      Master', 'Role :      Backup'));
  assert.equal(show.role, 'member');
  assert.deepEqual(
    show.peers.map((p) => p.self),
    [null, null],
  );
});

const damage: [title: string, change: (text: string) => string][] = [
  ['CRLF line endings', (t) => t.replace(/\n/g, '\r\n')],
  ['bare CR line endings', (t) => t.replace(/\n/g, '\r')],
  ['a final newline added', (t) => `${t}\n`],
  ['no prompt line', (t) => t.replace(/^.*#show vpn load-balancing\s*$/m, '')],
  [
    'a different prompt, and a prompt after the output',
    (t) => `${t.replace(/^.*#show vpn load-balancing/m, 'asa-edge-1> show vpn load-balancing')}\nasa-edge-1>`,
  ],
  ['every line indented with a tab', (t) => t.replace(/^/gm, '\t')],
  ['alignment destroyed: every run of blanks is one space', (t) => t.replace(/[ \t]+/g, ' ')],
  ['extra blank lines and trailing spaces everywhere', (t) => t.replace(/\n/g, '   \n\n')],
];

for (const [title, change] of damage) {
  test(`tolerates ${title} (newer layout)`, () => {
    assert.deepEqual(parsed(change(genie)), GENIE_EXPECTED);
  });
  test(`tolerates ${title} (older layout)`, () => {
    assert.deepEqual(parsed(change(seedOlder)), parsed(seedOlder));
  });
}

test('roles: Master/Director are the director, Backup/Member/Slave are members, in any case', () => {
  assert.deepEqual(['Master', 'DIRECTOR', 'backup', 'Member', 'Slave', 'Standby'].map(normaliseRole), [
    'director',
    'director',
    'member',
    'member',
    'member',
    null,
  ]);
  const show = parsed(genie.replace('Master    5', 'Director  5').replace('Backup    5', 'Slave     5'));
  assert.deepEqual(
    show.peers.map((p) => p.role),
    ['director', 'member'],
  );
});

test('a `*` standing alone still marks the local unit', () => {
  const show = parsed(genie.replace(/10\.246\.0\.1\*/g, '10.246.0.1 *'));
  assert.deepEqual(
    show.peers.map((p) => [p.publicIp, p.self]),
    [
      ['10.246.0.1', true],
      ['10.246.0.2', false],
    ],
  );
});

test('IPv6 public addresses, written differently in the two tables, merge into one peer', () => {
  const text = genie.replace(/10\.246\.0\.1\*/, '2001:db8::1*').replace(/10\.246\.0\.1\*/, '2001:0db8:0:0::1*');
  const show = parsed(text);
  assert.equal(show.peers.length, 2);
  assert.deepEqual(
    [show.peers[0]!.publicIp, show.peers[0]!.model, show.peers[0]!.ipsec.active],
    ['2001:db8::1', 'ASA-VASA', 2],
  );
});

test('a license table that lists Other VPN before AnyConnect is read by its headings', () => {
  const text = genie.replace(
    'AnyConnect Premium/Essentials        Other VPN',
    'Other VPN        AnyConnect Premium/Essentials',
  );
  const peer = parsed(text).peers[0]!;
  assert.deepEqual(peer.ipsec, { limit: 250, active: 0, load: 0 });
  assert.deepEqual(peer.ssl, { limit: 250, active: 2, load: 1 });
});

test('a row that cannot be read becomes a warning with its line, and the rest is kept', () => {
  const text = genie.replace(
    '0       0      0%             0       0      0%  10.246.0.2',
    '0 0 zero% 0 0 0% 10.246.0.2',
  );
  const result = parseShowVpnLoadBalancing(text);
  assert.ok(result.ok);
  assert.deepEqual(
    result.warnings.map((w) => w.line),
    [21],
  );
  assert.match(result.warnings[0]!.message, /license row not understood/);
  assert.deepEqual(result.value.peers[1]!.ipsec, { limit: null, active: null, load: null });
  assert.equal(result.value.peers[1]!.role, 'member');
});

test('a status row with a value missing still reads the cluster address from the end', () => {
  const show = parsed(
    genie.replace(
      'Enabled    Master   n/a        Enabled          1     cluster1',
      'Enabled    Master   n/a        Enabled   cluster1',
    ),
  );
  assert.equal(show.clusterIp, 'cluster1');
  assert.equal(show.status, 'Enabled');
});

const notShowOutput: [title: string, text: string][] = [
  ['empty text', ''],
  ['only blanks and newlines', '  \r\n\n\t \n'],
  ['only a prompt', 'asa1# show vpn load-balancing\n'],
  ['prose', 'The quick brown fox jumps over the lazy dog.\nNothing to see here.'],
  ['a running-config', 'hostname asa1\nvpn load-balancing\n priority 9\n cluster ip address 1.2.3.4\n participate\n'],
  [
    'a device error',
    "asa1# show vpn load-balancing\n                                  ^\nERROR: % Invalid input detected at '^' marker.\n",
  ],
  ['one stray status line', 'Status: ok\n'],
];

for (const [title, text] of notShowOutput) {
  test(`refuses text that is not this output: ${title}`, () => {
    const result = parseShowVpnLoadBalancing(text);
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(result.error.length > 0 && !result.error.includes('\n'));
  });
}

test('never throws, whatever the text', () => {
  const pieces = fc.constantFrom(
    'Status',
    'Role',
    ':',
    'Peers:',
    'Total License Load:',
    'Master',
    'Backup',
    '*',
    '10.0.0.1',
    '2001:db8::1',
    '250',
    '1%',
    '%',
    '-----',
    '\n',
    '\r\n',
    ' ',
    '\t',
    'Public IP',
    'Limit',
    'AnyConnect',
    'Other VPN',
    'Role Pri Model',
    'Status Role Failover',
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.array(pieces, { maxLength: 80 }).map((p) => p.join(' ')),
      ),
      (text) => {
        const result = parseShowVpnLoadBalancing(text);
        assert.equal(typeof result.ok, 'boolean');
      },
    ),
    { numRuns: 500 },
  );
});
