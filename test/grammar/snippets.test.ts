// Checks snippets/asa.json: valid VS Code snippets whose default expansions are complete, correctly ordered ASA configuration.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expandedSnippets, expandSnippet, readSnippets, type ExpandedSnippet } from './snippet-expand';
import { tokenizeText } from './textmate';

const snippets = expandedSnippets();
const byPrefix = (prefix: string): ExpandedSnippet => {
  const found = snippets.find((s) => s.prefix.includes(prefix));
  assert.ok(found, `no snippet has the prefix ${prefix}`);
  return found;
};
const lines = (s: ExpandedSnippet): string[] => s.text.split('\n');

/** Asserts that each expected line occurs, in this order, in the expansion. */
function assertInOrder(snippet: ExpandedSnippet, expected: readonly string[]): void {
  const actual = lines(snippet);
  let from = 0;
  for (const line of expected) {
    const at = actual.indexOf(line, from);
    assert.ok(at >= 0, `${snippet.name}: expected ${JSON.stringify(line)} after line ${from} in:\n${snippet.text}`);
    from = at + 1;
  }
}

/** The IPv4 address as a number, to check subnet membership without a library. */
function ipv4(text: string): number {
  const parts = text.split('.').map(Number);
  assert.equal(parts.length, 4, `${text} is not an IPv4 address`);
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

describe('snippet expansion helper', () => {
  test('defaults, mirrors, choices, nesting, $0 and escapes', () => {
    assert.equal(expandSnippet('a ${1:one} b $1 c ${1}'), 'a one b one c one');
    assert.equal(expandSnippet('mirror first $2 then ${2:two}'), 'mirror first two then two');
    assert.equal(expandSnippet('${1|enable,disable|} / $1'), 'enable / enable');
    assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
    assert.equal(expandSnippet('end$0'), 'end');
    assert.equal(expandSnippet('$3 no default'), ' no default');
    assert.equal(expandSnippet('cost \\$5 and \\} and \\\\'), 'cost $5 and } and \\');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('${TM_FILENAME:file.cfg} $UNKNOWN'), 'file.cfg ');
    assert.equal(expandSnippet(['line one ${1:x}', ' line two $1']), 'line one x\n line two x');
    assert.equal(expandSnippet('not closed ${1:abc'), 'not closed ${1:abc');
    assert.equal(expandSnippet('price $ and ${ alone'), 'price $ and ${ alone');
    assert.throws(() => expandSnippet('${1/(.*)/$1/}'), /transforms are not supported/);
  });
});

describe('snippets/asa.json', () => {
  test('is a valid snippet file: unique prefixes, a description and a body for each', () => {
    const entries = readSnippets();
    assert.ok(entries.length >= 4);
    const prefixes = entries.flatMap((e) => e.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes must be unique');
    for (const e of entries) {
      assert.ok(
        e.prefix.length > 0 && e.prefix.every((p) => /^[a-z][a-z0-9-]+$/.test(p)),
        `${e.name}: prefixes should be lower-case words`,
      );
      assert.ok(e.description.length > 40, `${e.name}: the description should say what the snippet is for`);
      assert.ok(e.body.length > 0);
    }
  });

  test('bodies use one-space indentation, no tabs and no trailing spaces, as show running-config writes', () => {
    for (const s of snippets) {
      for (const line of lines(s)) {
        assert.doesNotMatch(line, /\t|\s$/, `${s.name}: ${JSON.stringify(line)}`);
        assert.match(line, /^(?:\S| \S)/, `${s.name}: ${JSON.stringify(line)} is not at column 0 or 1`);
      }
    }
  });

  test('the encrypted member has every line, the key before encryption, and participate last', () => {
    const s = byPrefix('lb-member');
    assertInOrder(s, [
      'interface GigabitEthernet0/0',
      ' nameif outside',
      ' security-level 0',
      ' ip address 209.165.202.129 255.255.255.224',
      'interface GigabitEthernet0/1',
      ' nameif inside',
      ' security-level 100',
      ' ip address 192.0.2.1 255.255.255.0',
      'crypto ikev1 enable inside',
      'vpn load-balancing',
      ' interface lbpublic outside',
      ' interface lbprivate inside',
      ' priority 5',
      ' cluster ip address 209.165.202.158',
      ' cluster port 9023',
      ' cluster key CHANGE-ME',
      ' cluster encryption',
      ' participate',
    ]);
    assert.equal(lines(s).at(-1), ' participate');
    assert.ok(
      lines(s).indexOf('crypto ikev1 enable inside') < lines(s).indexOf('vpn load-balancing'),
      'IKEv1 must be enabled before the block',
    );
  });

  test('the unencrypted member has no key, no encryption and no IKEv1, and participates last', () => {
    const s = byPrefix('lb-member-plain');
    assertInOrder(s, [
      'vpn load-balancing',
      ' interface lbpublic outside',
      ' interface lbprivate inside',
      ' cluster ip address 209.165.201.30',
      ' cluster port 9023',
      ' participate',
    ]);
    assert.equal(lines(s).at(-1), ' participate');
    assert.doesNotMatch(s.text, /cluster key|cluster encryption|crypto ikev1/);
  });

  test('the interface pair names both interfaces and points lbpublic and lbprivate at them', () => {
    const s = byPrefix('lb-interfaces');
    assertInOrder(s, [
      'interface GigabitEthernet0/0',
      ' nameif outside',
      'interface GigabitEthernet0/1',
      ' nameif inside',
      'vpn load-balancing',
      ' interface lbpublic outside',
      ' interface lbprivate inside',
    ]);
  });

  test('the group-URL sets cover the virtual IPv4, the virtual IPv6 and the device address', () => {
    assertInOrder(byPrefix('lb-group-urls'), [
      'tunnel-group AnyConnect type remote-access',
      'tunnel-group AnyConnect webvpn-attributes',
      ' group-url https://209.165.202.158/AnyConnect enable',
      ' group-url https://209.165.202.129/AnyConnect enable',
    ]);
    assertInOrder(byPrefix('lb-group-urls-v6'), [
      'tunnel-group AnyConnect webvpn-attributes',
      ' group-url https://209.165.202.158/AnyConnect enable',
      ' group-url https://[2001:db8:0:4200::158]/AnyConnect enable',
      ' group-url https://209.165.202.129/AnyConnect enable',
    ]);
  });

  test('in every member, the virtual address is inside the public subnet and is not an interface address', () => {
    for (const s of snippets.filter((x) => /\n cluster ip address /.test(x.text))) {
      const text = s.text;
      const publicName = /^ interface lbpublic (\S+)$/m.exec(text)?.[1];
      const privateName = /^ interface lbprivate (\S+)$/m.exec(text)?.[1];
      assert.ok(publicName && privateName, `${s.name}: lbpublic and lbprivate must be set`);
      // Each interface block: its nameif and its address and mask.
      const interfaces = [...text.matchAll(/^interface \S+\n nameif (\S+)\n(?: .*\n)*? ip address (\S+) (\S+)/gm)].map(
        (m) => ({ nameif: m[1]!, address: m[2]!, mask: m[3]! }),
      );
      const pub = interfaces.find((i) => i.nameif === publicName);
      assert.ok(pub, `${s.name}: no interface has nameif ${publicName}`);
      assert.ok(
        interfaces.some((i) => i.nameif === privateName),
        `${s.name}: no interface has nameif ${privateName}`,
      );
      const vip = /^ cluster ip address (\S+)/m.exec(text)?.[1] ?? '';
      const mask = ipv4(pub.mask);
      assert.equal(
        (ipv4(vip) & mask) >>> 0,
        (ipv4(pub.address) & mask) >>> 0,
        `${s.name}: ${vip} is outside ${pub.address}/${pub.mask}`,
      );
      assert.ok(
        interfaces.every((i) => i.address !== vip),
        `${s.name}: the virtual address equals an interface address`,
      );
      const host = (ipv4(vip) & ~mask) >>> 0;
      assert.ok(host !== 0 && host !== ~mask >>> 0, `${s.name}: ${vip} is the network or broadcast address`);
      if (/cluster encryption/.test(text)) {
        assert.match(
          text,
          new RegExp(`^crypto ikev1 enable ${privateName}$`, 'm'),
          `${s.name}: encryption needs IKEv1 on ${privateName}`,
        );
        assert.match(text, /^ cluster key \S+$/m, `${s.name}: encryption needs a key`);
      }
    }
  });

  test('the key placeholder is obviously a placeholder', () => {
    const key = /^ cluster key (\S+)$/m.exec(byPrefix('lb-member').text)?.[1] ?? '';
    assert.match(key, /CHANGE|REPLACE|EXAMPLE/i);
  });

  test('every expanded snippet highlights with the grammar: load-balancing lines get load-balancing scopes', async () => {
    for (const s of snippets) {
      for (const line of await tokenizeText(s.text)) {
        if (/^ (interface lb|priority|cluster|participate)/.test(line.line)) {
          assert.ok(
            line.tokens.some((t) => t.scopes.some((x) => x.startsWith('meta.command.load-balancing.'))),
            `${s.name}: ${JSON.stringify(line.line)}`,
          );
        }
      }
    }
  });
});
