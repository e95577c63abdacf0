// A config can hold words of any length and lines of any number of words (a pasted blob, a corrupted capture).
// Messages that quote a long word shorten it, while the diagnostic's range still covers all of it (found by the fuzz
// suite: a 200,000-character virtual address used to make a 200,000-character message). A line of thousands of
// words is lexed in part and split on white space past that, with the same result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { Workspace } from '../../server/src/core/workspace';
import { shortenLongWords } from '../../server/src/core/types';
import { parseCommand } from '../../server/src/core/syntax/parser';
import { hover } from '../../server/src/core/features/hover';
import { DEVICE_CHECKS } from '../../server/src/core/analyze';

const longAddress = 'x'.repeat(200_000);
const longName = 'o'.repeat(3_000);
const config = [
  'hostname asa1',
  'vpn load-balancing',
  ` cluster ip address ${longAddress}`,
  ` priority ${'9'.repeat(5_000)}`,
  ` interface lbpublic ${longName}`,
  '',
].join('\n');

test('messages quoting a very long word shorten it, and the range still covers the whole word', () => {
  const { diagnostics } = analyzeDocument('long.cfg', config);
  const address = diagnostics.find((d) => d.range.start.line === 2 && d.code === 'invalid-argument');
  assert.ok(address, 'the long virtual address is reported');
  assert.equal(address.range.end.character - address.range.start.character, longAddress.length);
  assert.match(address.message, /^'x{40}…x{12} \(200,000 characters\)' is not a valid IPv4 address/);
  for (const d of diagnostics) {
    for (const text of [d.message, ...d.related.map((r) => r.message), ...d.fixes.map((f) => f.title)])
      assert.ok(text.length < 400, `${d.code}: ${text.length} characters`);
  }
});

test('group diagnostics shorten long words too', () => {
  const ws = new Workspace();
  const member = (host: string, port: string) =>
    `hostname ${host}\ninterface G0/0\n nameif outside\n ip address 192.0.2.${host.length} 255.255.255.0\nvpn load-balancing\n cluster ip address 192.0.2.100\n cluster port ${port}\n interface lbpublic outside\n participate\n`;
  ws.set('a.cfg', member('a', '9023'));
  ws.set('b.cfg', member('b'.repeat(5_000), '9024'));
  for (const uri of ['a.cfg', 'b.cfg']) {
    for (const d of ws.diagnostics(uri)!) {
      for (const text of [d.message, ...d.related.map((r) => r.message)])
        assert.ok(text.length < 600, `${d.code}: ${text.length} characters`);
    }
  }
});

test('ordinary words, addresses and URLs pass unchanged', () => {
  const message =
    "Virtual address 2001:db8:ffff:ffff:ffff:ffff:ffff:fffe is used by 'https://vpn.example.com/remote-access/employees'.";
  assert.equal(shortenLongWords(message), message);
});

test('a line of thousands of words parses to the same command, with every word an argument at its column', () => {
  const words = Array.from({ length: 3_000 }, (_, k) =>
    k % 3 === 0 ? `10.0.${k % 250}.1` : k % 3 === 1 ? `w${k}` : String(k),
  );
  for (const head of ['cluster ip address 192.0.2.1', 'no name-server 10.0.0.1', 'interface lbpublic outside']) {
    const text = `${head} ${words.join(' \t')}`;
    const full = parseCommand(text, 1);
    const short = parseCommand(head, 1);
    assert.equal(full.command?.id, short.command?.id);
    assert.deepEqual(full.command?.keywords, short.command?.keywords);
    const expected = [...text.matchAll(/\S+/g)].map((m) => ({
      text: m[0],
      start: m.index + 1,
      end: m.index + 1 + m[0].length,
    }));
    assert.deepEqual(
      full.tokens.map(({ text: t, start, end }) => ({ text: t, start, end })),
      expected,
    );
    assert.deepEqual(
      full.command?.args.map((a) => a.text),
      expected.slice(full.command!.keywords.length + (full.command!.negated ? 1 : 0)).map((t) => t.text),
    );
  }
});

test('a hover on a very long interface name shortens it too', () => {
  const ws = new Workspace();
  ws.set(
    'a.cfg',
    `interface G0/0\n nameif ${longName}\n ip address 192.0.2.1 255.255.255.0\nvpn load-balancing\n interface lbpublic ${longName}\n`,
  );
  const found = hover(ws, 'a.cfg', { line: 1, character: 10 });
  assert.ok(found, 'the name has a hover');
  assert.ok(found.contents.length < 1000, `${found.contents.length} characters`);
  assert.match(found.contents, /o{40}…o{12} \(3,000 characters\)/);
});

test('a word of megabytes is shortened without exhausting the stack, and the file still gets its diagnostics', () => {
  const huge = 'q'.repeat(6_000_000);
  assert.match(
    shortenLongWords(`'${huge}' is not a valid IPv4 address`),
    /^'q{40}…q{12} \(6,000,000 characters\)' is not/,
  );
  const ws = new Workspace();
  ws.set('huge.cfg', `hostname asa1\nvpn load-balancing\n cluster ip address ${huge}\n`);
  ws.set('plain.cfg', 'hostname asa2\nvpn load-balancing\n cluster ip address 192.0.2.100\n cluster port 99999\n');
  const codes = (uri: string) => ws.diagnostics(uri)!.map((d) => d.code);
  assert.ok(codes('huge.cfg').includes('invalid-argument'), codes('huge.cfg').join());
  assert.ok(!codes('huge.cfg').includes('internal-error'));
  assert.ok(codes('plain.cfg').includes('port-out-of-range'));
});

test('a document whose analysis throws gets one internal-error, and the others keep their diagnostics', () => {
  // Fault injection: a check whose diagnostic cannot be read makes the analysis itself throw, after the checks.
  type Check = (typeof DEVICE_CHECKS)[number];
  const checks = DEVICE_CHECKS as Check[];
  const unreadable = {
    get length(): number {
      throw new RangeError('unreadable message');
    },
  } as unknown as string;
  const poison: Check = [
    'poison',
    (ctx) => {
      if (ctx.uri.startsWith('bad'))
        ctx.report('internal-error', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, unreadable);
    },
  ];
  checks.push(poison);
  try {
    const ws = new Workspace();
    ws.set('bad.cfg', 'hostname asa1\nvpn load-balancing\n cluster ip address 192.0.2.100\n cluster key SECRET1\n');
    ws.set('good.cfg', 'hostname asa2\nvpn load-balancing\n cluster ip address 192.0.2.100\n cluster port 99999\n');
    const bad = ws.diagnostics('bad.cfg')!;
    assert.deepEqual(
      bad.map((d) => d.code),
      ['internal-error'],
    );
    assert.doesNotMatch(JSON.stringify(bad), /SECRET1/);
    assert.ok(ws.diagnostics('good.cfg')!.some((d) => d.code === 'port-out-of-range'));
    assert.equal(ws.groups()[0]?.members.length, 1, 'the failed document is in no group');
  } finally {
    checks.splice(checks.indexOf(poison), 1);
  }
});
