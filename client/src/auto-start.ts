// Starts the language server as soon as the workspace or an editor holds a device config, and not before. The
// extension activates on any folder with .cfg/.conf/.txt files and on any such file opened alone (VS Code gives those
// files another language by their extension, so `onLanguage:asa` alone would never fire), and most of those are not
// ASA. Deciding reads only each candidate's head and stops at the first device config; the server, once running,
// indexes the workspace itself.
import * as vscode from 'vscode';
import { HEAD_BYTES, isDeviceFile, looksLikeAsa, SKIPPED_FOLDERS } from '../../server/src/core/detect';
import { DEVICE_CONFIGS_FOUND } from './context-keys';
import { deviceFileGlobs, isDeviceDocument } from './document-selector';
import { readThroughEditor } from './editor-files';
import { describeError, type LocalFiles, type ServerConnection } from './server-connection';

/** How many files a search of a remote or virtual folder looks at before it gives up. */
const MAX_CANDIDATES = 1000;
/** The folders the server's indexer skips: configs in dependencies or version-control internals are not the user's. */
const EXCLUDE = `{${[...SKIPPED_FOLDERS].map((name) => `**/${name}/**`).join(',')}}`;
/** How much of an open document is looked at (lines); `looksLikeAsa` needs the header or a first prompt. */
const HEAD_LINES = 2000;
const ASA_LANGUAGE = 'asa';

export class AutoStart implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private scan: vscode.CancellationTokenSource | undefined;
  private done = false;

  constructor(
    private readonly server: ServerConnection,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Looks at the open editors, then at the workspace's files, and keeps watching until a device config appears. */
  run(): void {
    if (this.server.started) return this.finish();
    for (const document of vscode.workspace.textDocuments) if (this.consider(document)) return;
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.consider(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scanWorkspace()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('asaLb.deviceFiles')) void this.scanWorkspace();
      }),
    );
    void this.scanWorkspace();
  }

  dispose(): void {
    this.finish();
  }

  /** Starts the server when `document` is a device config; true when it did (or something else already had). */
  private consider(document: vscode.TextDocument): boolean {
    if (this.done || this.server.started) {
      this.finish();
      return true;
    }
    const asa = document.languageId === ASA_LANGUAGE;
    if (!asa && !(isDeviceDocument(document) && looksLikeAsa(document.getText(new vscode.Range(0, 0, HEAD_LINES, 0)))))
      return false;
    this.startFor(
      asa
        ? 'an ASA document is open'
        : `${vscode.workspace.asRelativePath(document.uri)} is open and looks like an ASA configuration`,
    );
    return true;
  }

  /** Looks for one device file in each workspace folder; watches for new files when there is none. */
  private async scanWorkspace(): Promise<void> {
    if (this.done) return;
    this.scan?.cancel();
    const scan = (this.scan = new vscode.CancellationTokenSource());
    const globs = deviceFileGlobs();
    this.watch(globs);
    const started = performance.now();
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const found = await this.findIn(folder, globs, scan.token);
        if (scan.token.isCancellationRequested || this.done) return;
        if (found) {
          const ms = Math.round(performance.now() - started);
          this.startFor(
            `the workspace holds device configurations, such as ${vscode.workspace.asRelativePath(found)}, found in ${ms} ms`,
          );
          return;
        }
      }
    } catch (error) {
      // A failed search is not a reason to give up: opening a device file or running a command still starts the server.
      this.output.warn(`Looking for device configurations in the workspace: ${describeError(error)}`);
    }
  }

  /**
   * A device file of one folder: walked on disk when it is local and the host can (Node), else through VS Code's file
   * search (a remote or virtual folder, or any folder in a web worker).
   */
  private async findIn(
    folder: vscode.WorkspaceFolder,
    globs: string[],
    token: vscode.CancellationToken,
  ): Promise<vscode.Uri | undefined> {
    const local = this.server.host.localFiles;
    if (folder.uri.scheme === 'file' && local)
      return local.findDeviceFile(folder.uri, globs, () => token.isCancellationRequested || this.done);
    for (const glob of searchPatterns(globs)) {
      const candidates = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, glob),
        EXCLUDE,
        MAX_CANDIDATES,
        token,
      );
      for (const uri of candidates) {
        if (token.isCancellationRequested || this.done) return undefined;
        if (await this.isDeviceFile(uri, globs)) return uri;
      }
    }
    return undefined;
  }

  /** Watches for device files created later (a backup job, a copy into the folder). */
  private watch(globs: string[]): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    for (const glob of globs) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob, false, true, true);
      watcher.onDidCreate(async (uri) => {
        if (!this.done && (await this.isDeviceFile(uri, globs).catch(() => false)))
          this.startFor(`${vscode.workspace.asRelativePath(uri)} was created and is a device configuration`);
      });
      this.watchers.push(watcher);
    }
  }

  private async isDeviceFile(uri: vscode.Uri, globs: string[]): Promise<boolean> {
    const path = vscode.workspace.asRelativePath(uri, false);
    // `.asa` files count by name; only the others need a look at their content.
    if (isDeviceFile(path, '', globs)) return true;
    try {
      return isDeviceFile(path, await head(uri, this.server.host.localFiles), globs);
    } catch {
      // Unreadable (deleted meanwhile, no permission): not a config we can check.
      return false;
    }
  }

  private startFor(reason: string): void {
    this.finish();
    // The walkthrough's first step ("open a folder of device configurations") is done once one is found.
    void vscode.commands.executeCommand('setContext', DEVICE_CONFIGS_FOUND, true);
    void this.server.start(reason).catch(() => undefined);
  }

  /** Stops looking: the server is running (or starting) and watches the workspace itself from now on. */
  private finish(): void {
    this.done = true;
    this.scan?.cancel();
    for (const s of [...this.subscriptions.splice(0), ...this.watchers.splice(0)]) s.dispose();
  }
}

/**
 * The patterns as few searches: one when they can be joined into a `{a,b}` group (each search is a walk of the
 * workspace), else one per pattern, as a group cannot hold a pattern that has a group of its own.
 */
export function searchPatterns(globs: readonly string[]): string[] {
  if (globs.length > 1 && globs.every((g) => !/[{},]/.test(g))) return [`{${globs.join(',')}}`];
  return [...globs];
}

async function head(uri: vscode.Uri, local: LocalFiles | undefined): Promise<string> {
  if (uri.scheme === 'file' && local) return local.readHead(uri);
  // Other file systems cannot be read in part; the whole file is read once and cut, unless it is a link, behind one
  // or too large, which the server would not read either (then it is no device file to start for).
  const read = await readThroughEditor(uri, undefined, HEAD_BYTES);
  return read.kind === 'text' ? read.text : '';
}
