// Robustness of the analysis against input size and shape: analyzeDocument timed on configs made by mutating the
// corpus (duplicated and swapped lines, long lines and long tokens, mixed line ends) at 1×, 2×, 4×, 8× and 16× a base
// size, and on two pathological inputs (one 1 MB line; 10,000 lines of 1,000 tokens each).
// `npm run bench` runs these in child processes of their own (with --expose-gc, so that each timed run starts from
// a collected heap); this file also runs on its own: node --expose-gc --import tsx test/bench/linearity.bench.ts [--quick]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/core/analyze';
import { clearParseCache } from '../../server/src/core/syntax/parser';
import { median, round3, time } from './stats';

// Resolved from the working directory (the repository root, as `npm run bench` runs it), as inputs.ts does.
const corpusDir = join(process.cwd(), 'test', 'fixtures', 'corpus');

export const BASE_LINES = 5_000;
export const SCALES = [1, 2, 4, 8, 16] as const;

/** A small deterministic pseudo-random generator (mulberry32), so every run measures the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(): string[][] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.cfg'))
    .sort()
    .map((name) => readFileSync(join(corpusDir, name), 'utf8').split(/\r?\n/));
}

/** Copy `copy` of a corpus line: names and one address octet renamed, so that copies are distinct lines. */
function renamed(line: string, copy: number): string {
  if (copy === 0) return line;
  return line
    .replace(
      /\b(nameif|object network|object-group network|access-list|hostname|name|description|tunnel-group) (\S+)/,
      `$1 $2-${copy}`,
    )
    .replace(/\b(\d+)\.(\d+)\.(\d+)\.(\d+)\b/, (_m, a, b, c) => `${a}.${b}.${c}.${copy % 250}`);
}

const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-_./:';

function word(rand: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += WORD_CHARS[Math.floor(rand() * WORD_CHARS.length)];
  return out;
}

/**
 * The first `lines` lines of one endless, deterministic stream: the corpus configs over and over (each copy
 * renamed), with mutations drawn per line — a line duplicated (4 %), swapped with the one before (4 %), made long
 * with 50–500 extra words (1.5 %) or with one token of 1,000–20,000 characters (0.5 %) — and line ends mixed:
 * mostly LF, a third CRLF, some lone CR. A smaller input is a prefix of a larger one, so all sizes have the same mix.
 */
export function mutatedConfig(lines: number, seed = 1): string {
  const rand = random(seed);
  const bodies = corpus();
  const out: string[] = [];
  for (let copy = 0; out.length < lines; copy++) {
    for (const body of bodies) {
      for (const source of body) {
        if (out.length >= lines) break;
        let line = renamed(source, copy);
        const r = rand();
        if (r < 0.04) {
          out.push(line);
        } else if (r < 0.08 && out.length > 0) {
          const previous = out.pop()!;
          out.push(line);
          line = previous;
        } else if (r < 0.095) {
          const extra = 50 + Math.floor(rand() * 450);
          for (let k = 0; k < extra; k++) line += ` ${word(rand, 1 + Math.floor(rand() * 12))}`;
        } else if (r < 0.1) {
          line += ` ${word(rand, 1_000 + Math.floor(rand() * 19_000))}`;
        }
        out.push(line);
      }
    }
  }
  out.length = lines;
  let text = '';
  for (let i = 0; i < out.length; i++) {
    const r = rand();
    let eol = r < 0.6 ? '\n' : r < 0.97 ? '\r\n' : '\r';
    // A lone CR before an empty LF line would read as one CRLF and merge two lines.
    if (eol === '\r' && out[i + 1] === '') eol = '\r\n';
    text += out[i] + eol;
  }
  return text;
}

export interface LinearityRow {
  scale: number;
  lines: number;
  megabytes: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  usPerLine: number;
  /** Every timed run in milliseconds, in the order measured. */
  samples: number[];
}

export interface LinearityResult {
  baseLines: number;
  rows: LinearityRow[];
  /** Per-line cost at the largest scale divided by that at 1× (medians). */
  ratio: number;
  /** The same ratio from the fastest run at each size, less sensitive to a busy machine; for reference only. */
  ratioOfMinimums: number;
}

const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/** One cold analysis (empty parse cache, collected heap), in milliseconds. */
function coldRun(text: string): number {
  clearParseCache();
  collect();
  return time(() => void analyzeDocument('linearity.cfg', text));
}

export function linearityBench({
  quick,
  log = console.log,
}: {
  quick: boolean;
  log?: (line: string) => void;
}): LinearityResult {
  const largest = mutatedConfig(BASE_LINES * SCALES[SCALES.length - 1]!);
  // Prefixes of the largest input, cut at line ends.
  const inputs = SCALES.map((scale) => {
    const lines = BASE_LINES * scale;
    let at = 0;
    for (let i = 0; i < lines; i++) {
      const lf = largest.indexOf('\n', at);
      const cr = largest.indexOf('\r', at);
      const next = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
      at = next + (largest[next] === '\r' && largest[next + 1] === '\n' ? 2 : 1);
    }
    return { scale, lines, text: largest.slice(0, at) };
  });

  // Warm-up: every size analysed untimed (the smallest several times), so that every figure measures optimised code.
  for (let i = 0; i < (quick ? 3 : 6); i++) coldRun(inputs[0]!.text);
  const estimates = inputs.map((input) => coldRun(input.text));

  // Runs per size: enough for the size's runs to take about `target` ms, within [minRuns, maxRuns]. Sizes are
  // measured in interleaved rounds, so that a slow spell of the machine does not land on one size only.
  const [target, minRuns, maxRuns] = quick ? [300, 3, 25] : [2_000, 9, 61];
  const wanted = estimates.map((e) => Math.min(maxRuns, Math.max(minRuns, Math.ceil(target / Math.max(e, 0.1)))));
  const samples = inputs.map(() => [] as number[]);
  for (let round = 0; round < Math.max(...wanted); round++) {
    inputs.forEach((input, i) => {
      if (samples[i]!.length < wanted[i]!) samples[i]!.push(coldRun(input.text));
    });
  }

  const rows = inputs.map((input, i): LinearityRow => {
    const s = samples[i]!;
    const m = median(s);
    return {
      scale: input.scale,
      lines: input.lines,
      megabytes: input.text.length / 1e6,
      medianMs: m,
      minMs: Math.min(...s),
      maxMs: Math.max(...s),
      runs: s.length,
      usPerLine: (m * 1000) / input.lines,
      samples: s.map(round3),
    };
  });
  for (const row of rows) {
    log(
      `${String(row.scale).padStart(2)}× ${row.lines.toLocaleString('en').padStart(6)} lines (${row.megabytes.toFixed(1)} MB): median ${row.medianMs.toFixed(1)} ms (${row.minMs.toFixed(1)}–${row.maxMs.toFixed(1)}, ${row.runs} runs), ${row.usPerLine.toFixed(2)} µs/line`,
    );
  }
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const ratio = last.usPerLine / first.usPerLine;
  const ratioOfMinimums = last.minMs / last.lines / (first.minMs / first.lines);
  log(
    `per-line cost at ${last.scale}× / at 1×: ${ratio.toFixed(2)} (medians), ${ratioOfMinimums.toFixed(2)} (fastest runs)`,
  );
  return { baseLines: BASE_LINES, rows, ratio, ratioOfMinimums };
}

/** Words of the form t<line>x<k>, so that no two lines are the same (the parse cache would hide repeated ones). */
function tokens(count: number, line: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(`t${line}x${k}`);
  return out.join(' ');
}

export const PATHOLOGICAL = {
  /** One line of 1 MiB: a `cluster ip address` command (a line the parser reads) followed by short words. */
  'one-1mb-line': {
    title: 'one 1 MB line',
    make(scale = 1): string {
      const size = Math.round(2 ** 20 * scale);
      let line = 'cluster ip address 192.0.2.1';
      for (let k = 0; line.length < size; k++) line += ` w${k}`;
      return line.slice(0, size);
    },
  },
  /** A load-balancing block of 10,000 lines, each a `cluster ip address` command with 1,000 tokens in all. */
  'lines-10k-tokens-1k': {
    title: '10,000 lines × 1,000 tokens',
    make(scale = 1): string {
      const lines = ['vpn load-balancing'];
      const count = Math.round(10_000 * scale);
      for (let i = 0; i < count; i++)
        lines.push(` cluster ip address 192.0.${(i >> 8) & 255}.${i & 255} ${tokens(996, i)}`);
      return lines.join('\n') + '\n';
    },
  },
} as const;

export type PathologicalCase = keyof typeof PATHOLOGICAL;

export interface PathologicalResult {
  name: PathologicalCase;
  title: string;
  megabytes: number;
  lines: number;
  ms: number;
  diagnostics: number;
}

/** One cold analysis of a pathological input, after a warm-up on a 1 % version of the same shape. */
export function pathologicalBench(name: PathologicalCase): PathologicalResult {
  const { title, make } = PATHOLOGICAL[name];
  analyzeDocument('warm-up.cfg', make(0.01));
  const text = make();
  clearParseCache();
  collect();
  let diagnostics = 0;
  const ms = time(() => void (diagnostics = analyzeDocument('pathological.cfg', text).diagnostics.length));
  return {
    name,
    title,
    megabytes: text.length / 1e6,
    lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
    ms,
    diagnostics,
  };
}

// Run on its own (not when bundled into the main benchmark, whose entry point has another name).
if (process.argv[1]?.endsWith('linearity.bench.ts')) {
  const quick = process.argv.includes('--quick');
  linearityBench({ quick });
  for (const name of Object.keys(PATHOLOGICAL) as PathologicalCase[]) {
    if (quick) break;
    const r = pathologicalBench(name);
    console.log(`${r.title}: ${r.ms.toFixed(0)} ms, ${r.diagnostics} diagnostics`);
  }
}
