// Indexes the device files of the workspace folders that are not open, in the background after `initialized`:
// walks the folders, reads the files whose names match `asaLb.deviceFiles`, keeps those that look like ASA, and
// reports `$/progress` when the client supports work-done progress. Cancellable by the client and by a new pass.
import {
  CancellationTokenSource,
  type CancellationToken,
  type Connection,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { listDeviceFiles, readDeviceFile } from './disk';
import { isInside, type Folder, type Folders } from './folders';
import { cancelled, describeError, type Logger } from './guard';
import type { ServerSettings } from './settings';
import type { DocumentSources } from './sources';
import { keyPath, pathKey } from './uris';

/** Progress is reported at most this often, so a large workspace does not flood the client with notifications. */
const PROGRESS_INTERVAL_MS = 100;

export interface IndexerContext {
  connection: Connection;
  folders: Folders;
  sources: DocumentSources;
  settings: () => ServerSettings;
  progressSupported: boolean;
  /** Called when a pass ends (finished or cancelled), so that unopened files get their diagnostics. */
  finished: () => void;
  log: Logger;
}

export class Indexer {
  private pass: Promise<void> = Promise.resolve();
  private readonly sources = new Set<CancellationTokenSource>();
  private running = 0;
  /** Resolves when the first pass is queued (after `initialized` and the first settings). */
  private readonly firstStarted: Promise<void>;
  private markStarted!: () => void;
  /** Resolves when the first pass has ended. */
  readonly firstPass: Promise<void>;

  constructor(private readonly ctx: IndexerContext) {
    this.firstStarted = new Promise((resolve) => (this.markStarted = resolve));
    this.firstPass = this.firstStarted.then(() => this.pass);
  }

  /** True while a pass is under way or queued. */
  get busy(): boolean {
    return this.running > 0;
  }

  /**
   * Queues a pass over every folder, cancelling the passes under way (their work is redone), or, given `folders`,
   * an extra pass over just those (folders added to the workspace), leaving the others to finish.
   */
  start(folders?: readonly Folder[]): void {
    if (!folders) this.cancel();
    const source = new CancellationTokenSource();
    this.sources.add(source);
    this.running++;
    this.markStarted();
    this.pass = this.pass.then(async () => {
      try {
        if (!source.token.isCancellationRequested) await this.index(folders ?? this.ctx.folders.all(), source.token);
      } catch (error) {
        this.ctx.log.error(`Indexing failed: ${describeError(error)}`);
      } finally {
        this.running--;
        this.sources.delete(source);
        source.dispose();
        this.ctx.finished();
      }
    });
  }

  cancel(): void {
    for (const source of this.sources) source.cancel();
  }

  /**
   * Resolves once the first pass has started and every pass queued so far has ended; throws a cancellation error if
   * `token` fires first.
   */
  async whenIndexed(token?: CancellationToken): Promise<void> {
    const done = this.firstStarted.then(() => this.pass);
    if (!token) return done;
    // A token cancelled before the handler ran never fires its event (it is the library's shared "cancelled" token).
    if (token.isCancellationRequested) throw cancelled();
    await new Promise<void>((resolve, reject) => {
      const subscription = token.onCancellationRequested(() => {
        subscription.dispose();
        reject(cancelled());
      });
      void done.then(() => {
        subscription.dispose();
        resolve();
      });
    });
  }

  private async index(folders: readonly Folder[], token: CancellationToken): Promise<void> {
    if (folders.length === 0) return;
    const started = Date.now();
    const reporter = await this.progress();
    const globs = this.ctx.settings().deviceFiles;
    try {
      reporter?.begin('Indexing ASA device configs', 0, 'Looking for device files', true);
      const cancelledBy = (): boolean =>
        token.isCancellationRequested || reporter?.token.isCancellationRequested === true;
      const candidates: { path: string; rel: string }[] = [];
      for (const folder of folders) await listDeviceFiles(folder.path, '', globs, candidates, cancelledBy);
      const found = new Set<string>();
      let lastReport = 0;
      for (let i = 0; i < candidates.length; i++) {
        if (cancelledBy()) {
          this.ctx.log.info(`Indexing cancelled after ${i} of ${candidates.length} candidate files.`);
          return;
        }
        const { path, rel } = candidates[i]!;
        const key = pathKey(path);
        const read = await readDeviceFile(path, rel, globs);
        if (read.kind === 'device') {
          found.add(key);
          this.ctx.sources.setFromDisk(key, read.text);
        } else {
          if (read.kind === 'too-large') this.ctx.log.warn(`Skipped ${rel}: larger than the indexing limit.`);
          this.ctx.sources.removeFromDisk(key);
        }
        if (reporter && Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = Date.now();
          reporter.report(Math.floor((100 * (i + 1)) / candidates.length), `${i + 1} of ${candidates.length} files`);
        }
      }
      // Files indexed earlier that are no longer device files (patterns changed, or deleted while unwatched).
      for (const key of this.ctx.sources.diskKeys()) {
        const path = keyPath(key);
        if (!found.has(key) && path && folders.some((f) => isInside(path, f.path)))
          this.ctx.sources.removeFromDisk(key);
      }
      this.ctx.log.info(
        `Indexed ${found.size} device files (${candidates.length} candidates) in ${Date.now() - started} ms.`,
      );
    } finally {
      reporter?.done();
    }
  }

  private async progress(): Promise<WorkDoneProgressServerReporter | null> {
    if (!this.ctx.progressSupported) return null;
    try {
      return await this.ctx.connection.window.createWorkDoneProgress();
    } catch {
      // A client that refuses the progress token still gets its files indexed, only without a progress bar.
      return null;
    }
  }
}
