// Finds and reads, through the editor, the device files of the workspace folders the language server cannot read
// itself — every folder when it runs in a web worker, folders of a virtual file system in Node — and hands them to
// it (`asaLb/workspaceFiles`): all of them once the server runs, then each file the editor's watcher reports and each
// document closed (the server drops a closed document it did not read from disk). The same patterns, skipped folders,
// size limit and refusal of symbolic links as the server's own indexing.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SKIPPED_FOLDERS } from '../../server/src/core/detect';
import { WORKSPACE_FILES_NOTIFICATION, type WorkspaceFile, type WorkspaceFilesParams } from '../../server/src/protocol';
import { deviceFileGlobs } from './document-selector';
import { readThroughEditor, type LinkedFolders } from './editor-files';

/** Files sent per notification, so a large workspace reaches the server in pieces it can analyse between. */
const BATCH = 50;

const EXCLUDE = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

export interface FeederHost {
  readsFolder(folder: vscode.Uri): boolean;
}

export class WorkspaceFileFeeder implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    private readonly client: BaseLanguageClient,
    watchers: readonly vscode.FileSystemWatcher[],
    private readonly host: FeederHost,
    private readonly output: vscode.LogOutputChannel,
  ) {
    for (const watcher of watchers) {
      this.subscriptions.push(
        watcher.onDidCreate((uri) => void this.resend(uri)),
        watcher.onDidChange((uri) => void this.resend(uri)),
        watcher.onDidDelete(
          (uri) => void this.send([{ uri: uri.toString(), relativePath: this.relativePath(uri), text: null }]),
        ),
      );
    }
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((document) => void this.resend(document.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => void this.sendFolders(event.added)),
    );
  }

  /** Hands over every device file of the folders the server does not read (in the background). */
  start(): void {
    void this.sendFolders(vscode.workspace.workspaceFolders ?? []);
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
  }

  private async sendFolders(folders: readonly vscode.WorkspaceFolder[]): Promise<void> {
    const started = performance.now();
    const seen = new Set<string>();
    const uris: vscode.Uri[] = [];
    for (const folder of folders) {
      if (this.host.readsFolder(folder.uri)) continue;
      for (const glob of deviceFileGlobs()) {
        // An explicit exclude replaces the user's `files.exclude`, as the server's own walk ignores it too.
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), EXCLUDE)) {
          if (!seen.has(uri.toString())) {
            seen.add(uri.toString());
            uris.push(uri);
          }
        }
      }
    }
    if (uris.length === 0) return;
    uris.sort((a, b) => a.toString().localeCompare(b.toString()));
    let sent = 0;
    const linked: LinkedFolders = new Map();
    for (let i = 0; i < uris.length && !this.disposed; i += BATCH) {
      const files = await Promise.all(uris.slice(i, i + BATCH).map((uri) => this.read(uri, linked)));
      sent += files.filter((f) => f.text !== null).length;
      await this.send(files);
    }
    this.output.info(
      `Handed ${sent} files (${uris.length} candidates) to the language server in ${Math.round(performance.now() - started)} ms.`,
    );
  }

  private async resend(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || this.host.readsFolder(folder.uri)) return;
    if (uri.path.split('/').some((part) => SKIPPED_FOLDERS.has(part))) return;
    await this.send([await this.read(uri)]);
  }

  /**
   * Reads one file; `text` is null when it is gone, not a file, a symbolic link or behind one, or larger than the
   * indexing limit (the server then drops it, as it drops such a file it reads from disk).
   */
  private async read(uri: vscode.Uri, linked?: LinkedFolders): Promise<WorkspaceFile> {
    const file: WorkspaceFile = { uri: uri.toString(), relativePath: this.relativePath(uri), text: null };
    const read = await readThroughEditor(uri, linked);
    if (read.kind === 'text') file.text = read.text;
    else if (read.kind === 'too-large')
      this.output.warn(`Skipped ${file.relativePath}: larger than the indexing limit.`);
    else if (read.kind === 'link')
      this.output.info(`Skipped ${file.relativePath}: a symbolic link (links are not followed).`);
    return file;
  }

  private relativePath(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false);
  }

  private async send(files: WorkspaceFile[]): Promise<void> {
    if (this.disposed || files.length === 0) return;
    const params: WorkspaceFilesParams = { files };
    try {
      await this.client.sendNotification(WORKSPACE_FILES_NOTIFICATION.method, params);
    } catch (error) {
      this.output.warn(
        `Could not hand files to the language server: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
