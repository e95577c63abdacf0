// One language-server session: the core workspace and everything that keeps it in step with the client —
// document sources, folders, settings, background indexing and the diagnostics pipeline.
import { releaseMemory } from './memory';
import type { Connection, InitializeParams, Position } from 'vscode-languageserver';
import { Workspace } from '../core/workspace';
import { readClientSupport, type ClientSupport } from './capabilities';
import { Folders } from './folders';
import { consoleLogger, describeError, type Logger } from './guard';
import { Indexer } from './indexer';
import { DiagnosticsScheduler } from './scheduler';
import { DEFAULT_SETTINGS, readSettings, sameDeviceFiles, SETTINGS_SECTION, type ServerSettings } from './settings';
import { DocumentSources } from './sources';
import { UriMap } from './uris';

export class Session {
  readonly workspace = new Workspace();
  readonly uris = new UriMap();
  readonly support: ClientSupport;
  readonly folders: Folders;
  readonly sources: DocumentSources;
  readonly scheduler: DiagnosticsScheduler;
  readonly indexer: Indexer;
  readonly log: Logger;
  /** Resolves once the first settings are read (or the defaults are settled on). */
  readonly settingsReady: Promise<void>;
  private markSettingsReady!: () => void;
  private current: ServerSettings = DEFAULT_SETTINGS;
  private indexStarted = false;

  constructor(
    readonly connection: Connection,
    params: InitializeParams,
  ) {
    this.log = consoleLogger(connection);
    this.support = readClientSupport(params);
    this.folders = new Folders(params);
    this.settingsReady = new Promise((resolve) => (this.markSettingsReady = resolve));
    const settings = (): ServerSettings => this.current;
    this.sources = new DocumentSources({
      workspace: this.workspace,
      uris: this.uris,
      folders: this.folders,
      settings,
      changed: () => this.scheduler.schedule(),
      log: this.log,
    });
    this.indexer = new Indexer({
      connection,
      folders: this.folders,
      sources: this.sources,
      settings,
      progressSupported: this.support.workDoneProgress,
      // Once the unopened files are published, the trees indexing built and dropped are given back at once.
      finished: () => void this.scheduler.runNow().then(releaseMemory),
      log: this.log,
    });
    this.scheduler = new DiagnosticsScheduler({
      connection,
      workspace: this.workspace,
      sources: this.sources,
      uris: this.uris,
      support: this.support,
      settings,
      settingsReady: this.settingsReady,
      indexing: () => this.indexer.busy,
      firstIndex: this.indexer.firstPass,
      log: this.log,
    });
  }

  settings(): ServerSettings {
    return this.current;
  }

  /**
   * Reads the settings again — from `workspace/configuration` when the client answers it, else from settings the client
   * pushed — and applies them without a restart: new device-file patterns re-index, new severities re-publish.
   */
  async reloadSettings(pushed?: unknown): Promise<void> {
    let raw: unknown = undefined;
    if (this.support.configuration) {
      try {
        raw = await this.connection.workspace.getConfiguration(SETTINGS_SECTION);
      } catch (error) {
        this.log.warn(`Could not read the ${SETTINGS_SECTION} settings (${describeError(error)}); using the defaults.`);
      }
    } else if (pushed && typeof pushed === 'object') {
      raw = (pushed as Record<string, unknown>)[SETTINGS_SECTION];
    } else {
      // A client without configuration support that pushes nothing keeps what it had.
      this.markSettingsReady();
      return;
    }
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) this.log.warn(`Setting ${SETTINGS_SECTION}: ${problem}`);
    const previous = this.current;
    this.current = settings;
    this.markSettingsReady();
    if (this.indexStarted && !sameDeviceFiles(previous, settings)) this.indexer.start();
    void this.scheduler.runNow();
  }

  /** Whether a position lies inside a document the workspace holds (anything else gets an empty answer). */
  validPosition(key: string, position: Position | undefined): boolean {
    if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return false;
    if (position.line < 0 || position.character < 0) return false;
    const line = this.workspace.analysis(key)?.tree.lines[position.line];
    return line !== undefined && position.character <= line.text.length;
  }

  /** The first indexing pass, after `initialized` and the first settings. */
  startIndexing(): void {
    this.indexStarted = true;
    this.indexer.start();
  }

  dispose(): void {
    this.indexer.cancel();
    this.scheduler.stop();
  }
}
