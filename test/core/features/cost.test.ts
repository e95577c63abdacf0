// The cursor features must cost the same on a 100,000-line file as on a small one: they read the cached analysis
// and the cursor's line, never the whole document. The test counts the lines each request reads (no clock), by
// putting a counting view in front of the cached tree's line list and its line-by-line reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as features from '../../../server/src/core/features/index';
import type { LineNode } from '../../../server/src/core/syntax/tree';
import type { Position } from '../../../server/src/core/types';
import { Workspace } from '../../../server/src/core/workspace';
import { largeConfig } from './large-file';

const LINES = 100_000;
// A request may look a little around the cursor (the command above it, a block's first line); never thousands.
const BUDGET = 50;

function countingWorkspace(): {
  ws: Workspace;
  uri: string;
  text: string;
  reads: () => number;
  reset: () => void;
  lines: ReturnType<typeof largeConfig>['lines'];
} {
  const big = largeConfig(LINES);
  const ws = new Workspace();
  const uri = 'file:///big.cfg';
  ws.set(uri, big.text);
  ws.set(
    'file:///peer.cfg',
    'hostname peer\ninterface GigabitEthernet0/0\n nameif outside\n ip address 192.0.2.11 255.255.255.0\nvpn load-balancing\n interface lbpublic outside\n priority 9\n cluster ip address 192.0.2.100\n participate\n',
  );
  // Analysis and grouping happen once per edit, before any request; they are not what is measured here.
  ws.groups();
  const analysis = ws.analysis(uri)!;
  assert.equal(analysis.tree.lines.length, big.lines.end + 1);
  let count = 0;
  const tree = analysis.tree;
  const real = tree.lines;
  const counted = new Proxy(real, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) count++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as LineNode[];
  // A line is read through the list or one by one; both are counted.
  const line = tree.line.bind(tree);
  Object.defineProperty(tree, 'lines', { value: counted });
  Object.defineProperty(tree, 'line', {
    value: (i: number) => {
      count++;
      return line(i);
    },
  });
  return { ws, uri, text: big.text, reads: () => count, reset: () => (count = 0), lines: big.lines };
}

test('completion, hover, definition and group info read a bounded number of lines of a 100,000-line file', () => {
  const { ws, uri, reads, reset, lines } = countingWorkspace();
  const at = (line: number, character: number): Position => ({ line, character });
  const requests: [string, () => unknown][] = [
    ['completion on a blank line of the block', () => features.complete(ws, uri, at(lines.lbBlank, 1))],
    ['completion of priority values', () => features.complete(ws, uri, at(lines.priority, 10))],
    ['completion of a virtual address', () => features.complete(ws, uri, at(lines.vip, 20))],
    ['completion at the end of the file', () => features.complete(ws, uri, at(lines.end, 0))],
    ['completion of an interface name', () => features.complete(ws, uri, at(lines.lbprivate, 21))],
    ['hover on the header', () => features.hover(ws, uri, at(lines.header, 2))],
    ['hover on priority', () => features.hover(ws, uri, at(lines.priority, 3))],
    ['hover on the virtual address', () => features.hover(ws, uri, at(lines.vip, 22))],
    ['hover on an interface name', () => features.hover(ws, uri, at(lines.lbprivate, 22))],
    ['definition of an interface name', () => features.definition(ws, uri, at(lines.cryptoIkev1, 22))],
    ['prepare rename', () => features.prepareRename(ws, uri, at(lines.lbprivate, 22))],
    ['group info', () => features.groupInfo(ws, uri)],
    ['code lens', () => features.codeLens(ws, uri)],
  ];
  for (const [what, request] of requests) {
    reset();
    const answer = request();
    assert.ok(answer !== null && !(Array.isArray(answer) && answer.length === 0), `${what}: no answer`);
    assert.ok(reads() <= BUDGET, `${what} read ${reads()} lines`);
  }
});

test('references and rename read the file once per edit, then answer from their index', () => {
  const { ws, uri, text, reads, reset, lines } = countingWorkspace();
  const position = { line: lines.lbprivate, character: 22 };
  const first = features.references(ws, uri, position, true);
  // `nameif inside`, `crypto ikev1 enable inside`, `interface lbprivate inside` and every `route inside …`.
  assert.equal(first.length, 3 + text.split('\nroute inside ').length - 1);
  reset();
  features.references(ws, uri, position, true);
  features.rename(ws, uri, position, 'lan');
  assert.ok(reads() <= BUDGET, `repeated requests read ${reads()} lines`);
});
