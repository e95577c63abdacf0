// Measures the editor features on a 100,000-line config (run: node --import tsx test/core/features/features.bench.ts).
// Not part of the test run: timings depend on the machine; cost.test.ts checks the bounded work without a clock.
import { performance } from 'node:perf_hooks';
import * as features from '../../../server/src/core/features/index';
import { Workspace } from '../../../server/src/core/workspace';
import { largeConfig } from './large-file';

const big = largeConfig(100_000);
const ws = new Workspace();
const uri = 'file:///big.cfg';

function time(what: string, run: () => unknown, repeat = 50): void {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${what.padEnd(44)} median ${samples[samples.length >> 1]!.toFixed(3)} ms   max ${samples[samples.length - 1]!.toFixed(3)} ms`,
  );
}

time(
  'set + analyse (for comparison)',
  () => {
    ws.set(uri, big.text + ' ');
    ws.set(uri, big.text);
    ws.groups();
  },
  5,
);
const l = big.lines;
time('complete: blank line in the block', () => features.complete(ws, uri, { line: l.lbBlank, character: 1 }));
time('complete: priority values', () => features.complete(ws, uri, { line: l.priority, character: 10 }));
time('complete: virtual address', () => features.complete(ws, uri, { line: l.vip, character: 20 }));
time('complete: end of file (global)', () => features.complete(ws, uri, { line: l.end, character: 0 }));
time('hover: header', () => features.hover(ws, uri, { line: l.header, character: 2 }));
time('hover: interface name', () => features.hover(ws, uri, { line: l.lbprivate, character: 22 }));
time('definition', () => features.definition(ws, uri, { line: l.cryptoIkev1, character: 22 }));
time('groupInfo', () => features.groupInfo(ws, uri));
time('codeLens', () => features.codeLens(ws, uri));
time('references (index cached)', () => features.references(ws, uri, { line: l.lbprivate, character: 22 }, true));
time('documentSymbols (whole outline)', () => features.documentSymbols(ws, uri), 10);
time('foldingRanges (whole document)', () => features.foldingRanges(ws, uri), 10);
time(
  'references after an edit (index rebuilt)',
  () => {
    ws.set(uri, big.text + ' ');
    features.references(ws, uri, { line: l.lbprivate, character: 22 }, true);
    ws.set(uri, big.text);
  },
  3,
);
