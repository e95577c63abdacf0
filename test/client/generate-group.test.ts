// The new-group generator: every group it writes passes the core's checks with nothing above information,
// forms one group with the expected director, and a bad specification is refused with a sentence saying why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkGroupSpec,
  generateGroup,
  KEY_CHOICE_TEXT,
  KEY_LEFT_OUT_CODES,
  type GroupSpec,
  type MemberSpec,
} from '../../client/src/authoring/generate-group';
import { Workspace } from '../../server/src/core/workspace';
import type { Diagnostic } from '../../server/src/core/types';

interface GroupCase {
  name: string;
  members: number;
  encryption: boolean;
  ipv6?: boolean;
  /** Public network (first three octets of a /24, or a full /27 base when `publicPrefix` is 27). */
  publicBase?: string;
  publicPrefix?: number;
  interfaces?: { public: [string, string]; private: [string, string] };
  port?: number;
  /** Priorities by member; default 10, 9, 8 … */
  priorities?: number[];
}

const CASES: GroupCase[] = [
  { name: 'one member, encrypted', members: 1, encryption: true },
  { name: 'two members, unencrypted', members: 2, encryption: false },
  { name: 'three members, encrypted, virtual IPv6 address', members: 3, encryption: true, ipv6: true },
  { name: 'three members, unencrypted, virtual IPv6 address', members: 3, encryption: false, ipv6: true },
  {
    name: 'four members on a /27, port 10000',
    members: 4,
    encryption: true,
    publicBase: '209.165.202.128',
    publicPrefix: 27,
    port: 10000,
  },
  {
    name: 'five members on sub-interfaces',
    members: 5,
    encryption: true,
    interfaces: { public: ['Port-channel1.100', 'OUTSIDE'], private: ['Port-channel1.200', 'dmz-lb'] },
  },
  { name: 'six members, equal priorities', members: 6, encryption: false, priorities: [5, 5, 5, 5, 5, 5] },
  { name: 'ten members, encrypted, IPv6', members: 10, encryption: true, ipv6: true },
];

function specFor(c: GroupCase, key: GroupSpec['key'] = { kind: 'placeholder' }): GroupSpec {
  const prefix = c.publicPrefix ?? 24;
  const base = c.publicBase ?? '198.51.100.0';
  const octets = base.split('.').map(Number);
  const publicHost = (i: number): string => [octets[0], octets[1], octets[2], octets[3]! + 2 + i].join('.');
  const vip = [octets[0], octets[1], octets[2], octets[3]! + 1].join('.');
  const members: MemberSpec[] = Array.from({ length: c.members }, (_, i) => ({
    hostname: `vpn-${i + 1}`,
    public: { address: publicHost(i), prefix },
    publicV6: c.ipv6 ? { address: `2001:db8:0:4200::${(i + 0x10).toString(16)}`, prefix: 64 } : null,
    private: { address: `10.20.0.${11 + i}`, prefix: 24 },
    priority: c.priorities?.[i] ?? 10 - i,
  }));
  return {
    vip,
    vipv6: c.ipv6 ? '2001:db8:0:4200::1' : null,
    port: c.port ?? 9023,
    encryption: c.encryption,
    key,
    publicInterface: {
      hardware: c.interfaces?.public[0] ?? 'GigabitEthernet0/0',
      nameif: c.interfaces?.public[1] ?? 'outside',
    },
    privateInterface: {
      hardware: c.interfaces?.private[0] ?? 'GigabitEthernet0/1',
      nameif: c.interfaces?.private[1] ?? 'inside',
    },
    members,
  };
}

function workspaceOf(spec: GroupSpec): { ws: Workspace; uris: string[] } {
  const ws = new Workspace();
  const uris: string[] = [];
  for (const config of generateGroup(spec)) {
    const uri = `generated/${config.fileName}`;
    ws.set(uri, config.text);
    uris.push(uri);
  }
  return { ws, uris };
}

const ABOVE_INFORMATION = new Set(['error', 'warning']);
const describe = (uri: string, d: Diagnostic): string =>
  `${uri}:${d.range.start.line + 1} ${d.severity} ${d.code}: ${d.message}`;

for (const c of CASES) {
  test(`generated group (${c.name}): no diagnostic above information but the key still to type, as the flow says`, () => {
    const { ws, uris } = workspaceOf(specFor(c));
    for (const uri of uris) {
      const loud = (ws.result(uri)?.diagnostics ?? []).filter((d) => ABOVE_INFORMATION.has(d.severity));
      // With encryption and the key left out, exactly what the key choice announces; otherwise nothing.
      assert.deepEqual(
        loud.map((d) => d.code),
        c.encryption ? [...KEY_LEFT_OUT_CODES] : [],
        loud.map((d) => describe(uri, d)).join('\n'),
      );
    }
  });

  test(`generated group (${c.name}): every interface is brought up`, () => {
    const { ws, uris } = workspaceOf(specFor(c));
    for (const uri of uris) {
      const interfaces = ws.device(uri)!.interfaces;
      assert.equal(interfaces.length, 2);
      assert.ok(
        interfaces.every((i) => !i.shutdown),
        uri,
      );
    }
    const [config] = generateGroup(specFor(c));
    assert.equal(config!.text.match(/^ no shutdown$/gm)?.length, 2);
  });

  test(`generated group (${c.name}): one group, every member participating, the expected director`, () => {
    const spec = specFor(c);
    const { ws, uris } = workspaceOf(spec);
    const groups = ws.groups();
    assert.equal(groups.length, 1);
    const [group] = groups;
    assert.equal(group!.clusterIp, spec.vip);
    assert.equal(group!.members.length, c.members);
    assert.ok(group!.members.every((m) => m.participates && m.priorityConfigured));
    // Highest priority wins; among equals the lowest address, which is the first member here.
    const best = Math.max(...spec.members.map((m) => m.priority));
    const expected = spec.members.findIndex((m) => m.priority === best);
    assert.equal(group!.predictedDirector, uris[expected]);
  });
}

test('with encryption and the key left out, no line sets a key: a comment says which command to type, and the choice says what the checker reports', () => {
  const [config] = generateGroup(specFor(CASES[0]!));
  const lines = config!.text.split('\n');
  assert.deepEqual(
    lines.filter((l) => /^\s*cluster key/.test(l)),
    [],
    'a pasted placeholder line would set it as the key',
  );
  assert.ok(
    lines.some((l) => /^ ! .*type here: cluster key, a space, then the key/.test(l)),
    config!.text,
  );
  // The comment sits right before the line that needs the key.
  const at = lines.indexOf(' cluster encryption');
  assert.match(lines[at - 1]!, /^ ! .*encryption-without-key/);
  assert.match(config!.text, /^crypto ikev1 enable inside$/m);
  assert.match(KEY_CHOICE_TEXT.leaveOut.detail, /reports encryption-without-key/);
  assert.doesNotMatch(KEY_CHOICE_TEXT.leaveOut.detail, /reports nothing/);
});

test('a key written in clear gives exactly one plaintext-cluster-key warning per member, and no message quotes it', () => {
  const key = 'Gr0up-S3cret!';
  const spec = specFor(CASES[4]!, { kind: 'clear', key });
  const { ws, uris } = workspaceOf(spec);
  for (const uri of uris) {
    const diagnostics = ws.result(uri)?.diagnostics ?? [];
    const loud = diagnostics.filter((d) => ABOVE_INFORMATION.has(d.severity));
    assert.deepEqual(
      loud.map((d) => `${d.severity} ${d.code}`),
      ['warning plaintext-cluster-key'],
      uri,
    );
    for (const d of diagnostics) assert.ok(!d.message.includes(key), `${d.code} quotes the key`);
  }
});

test('an unencrypted group has neither key nor IKEv1 lines', () => {
  const [config] = generateGroup(specFor(CASES[1]!, { kind: 'clear', key: 'ignored' }));
  assert.doesNotMatch(config!.text, /cluster key|cluster encryption|crypto ikev1/);
});

interface BadCase {
  name: string;
  change: (spec: GroupSpec) => void;
  problem: RegExp;
}

const BAD: BadCase[] = [
  {
    name: 'virtual address outside the public subnet',
    change: (s) => (s.vip = '203.0.113.9'),
    problem: /member 1 public address: The virtual address 203\.0\.113\.9 is not in 198\.51\.100\.0\/24/,
  },
  {
    name: 'virtual address equal to a member address',
    change: (s) => (s.members[1]!.public.address = s.vip),
    problem: /member 2 public address: .* is the group's virtual address/,
  },
  {
    name: 'members on different public networks',
    change: (s) => (s.members[1]!.public = { address: '198.51.101.5', prefix: 23 }),
    problem:
      /member 2 public address: Members share one public network: vpn-1 is on 198\.51\.100\.0\/24, this is 198\.51\.100\.0\/23/,
  },
  {
    name: 'duplicate hostname',
    change: (s) => (s.members[1]!.hostname = 'VPN-1'),
    problem: /member 2 hostname: Another member is already called/,
  },
  {
    name: 'duplicate private address',
    change: (s) => (s.members[1]!.private.address = '10.20.0.11'),
    problem: /member 2 private address: 10\.20\.0\.11 is already the private address of vpn-1/,
  },
  {
    name: 'private network overlapping the public one',
    change: (s) => (s.members[0]!.private = { address: '198.51.100.200', prefix: 25 }),
    problem: /overlaps the public network/,
  },
  {
    name: 'IPv6 virtual address without member IPv6',
    change: (s) => {
      s.vipv6 = '2001:db8::1';
    },
    problem: /public IPv6 address: needed/,
  },
  {
    name: 'IPv6 virtual address outside the member prefix',
    change: (s) => {
      s.vipv6 = '2001:db8:1::1';
      for (const m of s.members) m.publicV6 = { address: `2001:db8::${m.priority}`, prefix: 64 };
    },
    problem: /virtual IPv6 address 2001:db8:1::1 is not in 2001:db8::\/64/,
  },
  {
    name: 'priority 11',
    change: (s) => (s.members[0]!.priority = 11),
    problem: /member 1 priority: The priority is a whole number from 1 to 10/,
  },
  { name: 'port 0', change: (s) => (s.port = 0), problem: /cluster port: .*from 1 to 65535/ },
  {
    name: 'eleven members',
    change: (s) =>
      s.members.push(
        ...specFor({ name: '', members: 11, encryption: true })
          .members.slice(2)
          .map((m) => ({
            ...m,
            hostname: `x${m.hostname}`,
            public: {
              ...m.public,
              address: m.public.address.replace(/\.(\d+)$/, (_, n: string) => `.${Number(n) + 100}`),
            },
            private: {
              ...m.private,
              address: m.private.address.replace(/\.(\d+)$/, (_, n: string) => `.${Number(n) + 100}`),
            },
          })),
      ),
    problem: /members: a group has 1 to 10 members, not 11/,
  },
  {
    name: 'a key with a space',
    change: (s) => (s.key = { kind: 'clear', key: 'two words' }),
    problem: /cluster key: The key cannot contain spaces/,
  },
  {
    name: 'the same hardware interface twice',
    change: (s) => (s.privateInterface.hardware = s.publicInterface.hardware),
    problem: /public interface: The public and private interfaces must be different/,
  },
  {
    name: 'a host address that is the network address',
    change: (s) => (s.members[0]!.private = { address: '10.20.0.0', prefix: 24 }),
    problem: /network or broadcast address/,
  },
];

for (const bad of BAD) {
  test(`a specification with ${bad.name} is refused`, () => {
    const spec = specFor({ name: bad.name, members: 2, encryption: true });
    bad.change(spec);
    const problems = checkGroupSpec(spec);
    assert.ok(
      problems.some((p) => bad.problem.test(p)),
      `expected ${bad.problem} among:\n${problems.join('\n')}`,
    );
    assert.throws(() => generateGroup(spec), /The group cannot be written/);
  });
}

test('refusals never quote a typed key', () => {
  const key = 'has space';
  const spec = specFor({ name: 'k', members: 1, encryption: true }, { kind: 'clear', key });
  assert.ok(checkGroupSpec(spec).every((p) => !p.includes(key)));
});
