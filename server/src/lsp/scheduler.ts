// The diagnostics pipeline: after edits, a debounced pass analyses what changed (off the request path), then
// publishes the diagnostics of every document whose diagnostics actually changed — the edited one and the other
// members of its group — and tells the client when a group changed. In pull mode it asks the client to pull again.
import { CodeLensRefreshRequest, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic as CoreDiagnostic } from '../core/types';
import type { Workspace } from '../core/workspace';
import { GROUPS_CHANGED_NOTIFICATION } from '../protocol';
import type { ClientSupport } from './capabilities';
import { toLspDiagnostics } from './diagnostics';
import { describeError, type Logger } from './guard';
import { releaseIfGrown } from './memory';
import { afterQueued, delay, yieldToEvents, type Pending } from './timers';
import type { ServerSettings } from './settings';
import type { DocumentSources } from './sources';
import type { UriMap } from './uris';

/**
 * Quiet time after the last edit before documents are analysed again, when the last pass was slow. Typing produces
 * a change per keystroke; analysing each one would then queue work the next keystroke makes obsolete.
 */
export const DIAGNOSTICS_DEBOUNCE_MS = 150;

/**
 * A pass that took less than this is cheap enough to run after every change: diagnostics then follow each
 * keystroke at once (the changed lines are all that is read again). Changes that arrive together still share a pass.
 */
export const QUICK_PASS_MS = 25;

/**
 * Diagnostics wait this long at most for the first indexing pass. Published earlier, a document opened at start-up
 * would flash "only member of its group" until the other members are indexed; indexing usually takes milliseconds,
 * but a huge workspace must not hold the open documents' diagnostics back for long.
 */
export const FIRST_INDEX_WAIT_MS = 2000;

/** Analysing many documents yields to the event loop this often, so requests are answered in between. */
const SLICE_MS = 20;

export interface SchedulerContext {
  connection: Connection;
  workspace: Workspace;
  sources: DocumentSources;
  uris: UriMap;
  support: ClientSupport;
  settings: () => ServerSettings;
  /** Resolves once the first settings are known, so nothing is published with severities about to change. */
  settingsReady: Promise<void>;
  /** True while background indexing runs; unopened files are published once it ends, not file by file. */
  indexing: () => boolean;
  /** Resolves when the first indexing pass has ended. */
  firstIndex: Promise<void>;
  log: Logger;
}

export interface CurrentDiagnostics {
  diagnostics: LspDiagnostic[];
  /** Changes exactly when the diagnostics, or the version of the open document they belong to, change. */
  fingerprint: string;
}

export class DiagnosticsScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: Pending | null = null;
  /** How long the last pass took; decides between running at once and waiting for a quiet period. */
  private lastPassMs = Number.POSITIVE_INFINITY;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly published = new Map<string, string>();
  private readonly converted = new Map<
    string,
    {
      source: CoreDiagnostic[];
      version: number | null;
      overrides: ServerSettings['overrides'];
      current: CurrentDiagnostics;
    }
  >();
  private groupsFingerprint = '';
  private stopped = false;

  private indexedOnce = false;

  constructor(private readonly ctx: SchedulerContext) {
    void ctx.firstIndex.then(() => (this.indexedOnce = true));
  }

  /** Called on every change: restarts the quiet period. Cheap by design, as it runs once per keystroke. */
  schedule(): void {
    if (this.stopped) return;
    if (this.lastPassMs < QUICK_PASS_MS && !this.timer) {
      // After the messages already received, so that changes sent together are analysed together.
      this.immediate ??= afterQueued(() => {
        this.immediate = null;
        void this.run();
      });
      return;
    }
    this.cancelPending();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, DIAGNOSTICS_DEBOUNCE_MS);
  }

  /** Runs a pass now, for changes that are not keystrokes (settings, the end of indexing). */
  runNow(): Promise<void> {
    this.cancelPending();
    return this.run();
  }

  stop(): void {
    this.stopped = true;
    this.cancelPending();
  }

  private cancelPending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.immediate?.cancel();
    this.timer = null;
    this.immediate = null;
  }

  /** The diagnostics a document has now, computed on demand (used by pull requests). */
  current(key: string): CurrentDiagnostics | undefined {
    const found = this.ctx.workspace.diagnostics(key);
    if (!found) return undefined;
    const version = this.ctx.sources.version(key);
    const overrides = this.ctx.settings().overrides;
    // The workspace returns the same array while a document's diagnostics are unchanged, so a pass over a large
    // workspace converts and compares only the documents whose diagnostics changed.
    const known = this.converted.get(key);
    if (known && known.source === found && known.version === version && known.overrides === overrides)
      return known.current;
    const current = this.convert(found, version, overrides);
    this.converted.set(key, { source: found, version, overrides, current });
    return current;
  }

  private convert(
    found: CoreDiagnostic[],
    version: number | null,
    overrides: ServerSettings['overrides'],
  ): CurrentDiagnostics {
    const diagnostics = toLspDiagnostics(found, overrides, version, this.ctx.uris);
    // The version is part of the fingerprint so that every edit of an open document is answered with a publication
    // for that version, even when its list stays the same (clients then know the list is current).
    return { diagnostics, fingerprint: `${version ?? 'disk'}:${JSON.stringify(diagnostics)}` };
  }

  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.ctx.settingsReady;
          if (!this.indexedOnce) await Promise.race([this.ctx.firstIndex, delay(FIRST_INDEX_WAIT_MS)]);
          const started = performance.now();
          await this.analyse();
          if (!this.stopped) this.publishChanged();
          this.lastPassMs = performance.now() - started;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.ctx.log.error(`Analysing the workspace failed: ${describeError(error)}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  // Each document's analysis is cached until its text changes, so this touches only edited documents; yielding
  // between them keeps requests flowing while a large workspace is analysed after indexing.
  private async analyse(): Promise<void> {
    let slice = performance.now();
    for (const key of this.ctx.workspace.uris()) {
      try {
        this.ctx.workspace.device(key);
      } catch (error) {
        // One document failing must not stop the pass: the others are still analysed and published.
        this.ctx.log.error(`Analysing one document failed: ${describeError(error)}`);
      }
      if (performance.now() - slice > SLICE_MS) {
        releaseIfGrown();
        await yieldToEvents();
        slice = performance.now();
      }
    }
  }

  private publishChanged(): void {
    const { workspace, sources, support, connection, uris } = this.ctx;
    const changed: { key: string; diagnostics: LspDiagnostic[] }[] = [];
    const present = new Set<string>();
    const indexing = this.ctx.indexing();
    for (const key of workspace.uris()) {
      if (indexing && !sources.isOpen(key)) continue;
      present.add(key);
      let now: CurrentDiagnostics | undefined;
      try {
        now = this.current(key);
      } catch (error) {
        // The core turns a failing check into a diagnostic; anything else failing for one document must not keep
        // the others from being published.
        this.ctx.log.error(`Computing the diagnostics of one document failed: ${describeError(error)}`);
        continue;
      }
      if (!now || this.published.get(key) === now.fingerprint) continue;
      this.published.set(key, now.fingerprint);
      changed.push({ key, diagnostics: now.diagnostics });
    }
    for (const key of [...this.published.keys()]) {
      if (present.has(key) || (indexing && workspace.has(key))) continue;
      this.published.delete(key);
      this.converted.delete(key);
      changed.push({ key, diagnostics: [] });
    }
    if (support.pullDiagnostics) {
      if (changed.length > 0 && support.diagnosticRefresh)
        void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const { key, diagnostics } of changed) {
        const version = sources.version(key);
        void connection
          .sendDiagnostics({ uri: uris.toClient(key), diagnostics, ...(version === null ? {} : { version }) })
          .catch(() => undefined);
      }
    }
    for (const { key } of changed) if (!workspace.has(key)) uris.forget(key);
    const groups = JSON.stringify(workspace.groups());
    if (groups !== this.groupsFingerprint) {
      const first = this.groupsFingerprint === '';
      this.groupsFingerprint = groups;
      if (!first || groups !== '[]') {
        void connection.sendNotification(GROUPS_CHANGED_NOTIFICATION.method).catch(() => undefined);
        // A document's code lens names its group's members and director, which another file can change; the
        // editor asks for lenses again only when their own document changes, unless the server asks it to.
        if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      }
    }
  }
}
