// Gives back the memory a burst of work used. Indexing a large workspace builds and drops a syntax tree per file;
// the engine keeps the pages that held them until it next needs a full collection, which an idle server may not
// for a long time. One full collection after the burst returns them to the system at once.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collect = exposed);
  try {
    // The collector is exposed to a fresh context only, so the server's own global scope stays as it was.
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    collect = typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** The heap in use after the last collection this module ran. */
let usedAfterRelease = 0;

/** Runs one full garbage collection, when the engine allows it; does nothing otherwise. */
export function releaseMemory(): void {
  const gc = collector();
  if (!gc) return;
  gc();
  usedAfterRelease = process.memoryUsage().heapUsed;
}

/**
 * Collects when the heap has grown by more than `growthMB` since the last collection here. Called between files
 * while many are analysed, it keeps the heap near what is really in use instead of letting dropped trees pile up
 * (they outlive the young generation, so only a full collection frees them).
 */
export function releaseIfGrown(growthMB = 48): void {
  if (process.memoryUsage().heapUsed - usedAfterRelease > growthMB * 2 ** 20) releaseMemory();
}
