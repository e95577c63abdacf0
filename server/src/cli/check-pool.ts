// Spreads the files of `asa-lb check` over worker threads and hands their outcomes back in the order of the files,
// whatever order the workers finish in, so the report is the same with any number of jobs. The workers run this very
// bundle (dist/cli.js, the command line's only file apart from the language server's); run from source, the files are
// checked in this thread.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkFile, type FileOutcome, type FileTask } from './check-file';

interface WorkerSetup {
  role: 'asa-lb-check';
  globs: readonly string[];
  keepText: boolean;
}

type Request = { index: number; task: FileTask };
type Reply = { index: number; outcome: FileOutcome } | { index: number; error: string };

/** Files sent to a worker ahead of its answers, so it never waits for the main thread. */
const AHEAD = 4;

/** The number of jobs when none is asked for, at most: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The bytes of files that repay starting one worker thread. A worker first compiles the bundle, builds the parser and
 * warms up on its own: on generated 5,000-line configs, two workers each spent as much processor time on half of
 * 3.4 MB as this thread did on all of it, and more on less.
 */
const BYTES_PER_WORKER = 2 * 1024 * 1024;

/**
 * The jobs for `tasks` when none is asked for: one per 2 MB of files, at most one per core; one (this thread) below
 * 4 MB, such as a handful of configs or a commit's staged files. The sizes are looked up only until they suffice.
 */
export function jobsWorthStarting(tasks: readonly FileTask[], cores = defaultJobs()): number {
  const enough = cores * BYTES_PER_WORKER;
  let bytes = 0;
  for (const task of tasks) {
    if (bytes >= enough) break;
    if (!task.skipped) bytes += sizeOf(task.source ?? task.path);
  }
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_WORKER)));
}

/** A file's size, or 0 when it cannot be looked up (reading it says why, in the report). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The script a worker runs: this bundle, or null when running from source (no bundle to start). */
function workerScript(): string | null {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : null;
}

/** True in a worker thread started by `checkFiles`: the bundle's entry point then serves it instead of the CLI. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as WorkerSetup | undefined)?.role === 'asa-lb-check';
}

/** The worker's side: checks each file it is sent and answers with its outcome. */
export function serveCheckWorker(): void {
  const { globs, keepText } = workerData as WorkerSetup;
  parentPort!.on('message', ({ index, task }: Request) => {
    let reply: Reply;
    try {
      reply = { index, outcome: checkFile(task, globs, keepText) };
    } catch (error) {
      reply = { index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}

/**
 * Checks every task with `jobs` workers (in this thread with one job) and calls `each` with the outcomes in task
 * order. Resolves when all are done.
 */
export async function checkFiles(
  tasks: readonly FileTask[],
  options: { globs: readonly string[]; keepText: boolean; jobs: number },
  each: (outcome: FileOutcome, index: number) => void,
): Promise<void> {
  const script = workerScript();
  const jobs = Math.min(options.jobs, tasks.length);
  if (jobs <= 1 || script === null) {
    // A copy, as a worker's answer is: strings cut from a file's text (a hostname, say) would otherwise keep the
    // whole text alive until the end of the run.
    for (let i = 0; i < tasks.length; i++)
      each(structuredClone(checkFile(tasks[i]!, options.globs, options.keepText)), i);
    return;
  }
  const done = new Map<number, FileOutcome>();
  let next = 0;
  let emitted = 0;
  const setup: WorkerSetup = { role: 'asa-lb-check', globs: options.globs, keepText: options.keepText };
  const workers = Array.from(
    { length: jobs },
    () => new Worker(script, { workerData: setup, stdout: false, stderr: false }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker): void => {
        if (next < tasks.length) {
          const index = next++;
          worker.postMessage({ index, task: tasks[index]! } satisfies Request);
        }
      };
      for (const worker of workers) {
        worker.on('message', (reply: Reply) => {
          if ('error' in reply) return reject(new Error(`checking ${tasks[reply.index]!.path} failed: ${reply.error}`));
          done.set(reply.index, reply.outcome);
          // Outcomes are released in order as soon as the ones before them are in, so few are ever held.
          while (done.has(emitted)) {
            const outcome = done.get(emitted)!;
            done.delete(emitted);
            each(outcome, emitted++);
          }
          if (emitted === tasks.length) resolve();
          else send(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (emitted < tasks.length)
            reject(new Error(`a worker thread exited with ${code} before the check finished`));
        });
        for (let k = 0; k < AHEAD; k++) send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
