// Small statistics and timing helpers shared by the benchmark scripts.

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  min: number;
  max: number;
  n: number;
  /** Every sample in milliseconds, in the order measured, rounded to microseconds. */
  samples: number[];
}

export function stats(samples: readonly number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest sample with at least `p` of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    n: sorted.length,
    samples: samples.map(round3),
  };
}

export const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Milliseconds taken by a synchronous function. */
export function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeAsync(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const ms = (value: number, digits = 1): string => `${value.toFixed(digits)} ms`;
export const fmtFigure = (f: Figure): string => `${f.median.toFixed(1)} ms (${f.min.toFixed(1)}–${f.max.toFixed(1)})`;
export const fmtPercentiles = (p: Percentiles): string =>
  `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms (n=${p.n})`;

/** Prints rows as columns padded to the widest cell. */
export function printTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  log: (line: string) => void = console.log,
): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows])
    log(
      row
        .map((cell, i) => (cell ?? '').padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}
