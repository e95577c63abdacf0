// Decides where the core workspace gets each document's text: the editor's copy while the client has the document
// open (incremental sync), the file on disk otherwise. Closing a document falls back to what is on disk.
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../core/workspace';
import { isDeviceFile } from '../core/detect';
import { readDeviceFile } from './disk';
import type { Folders } from './folders';
import type { ServerSettings } from './settings';
import { keyPath, type UriMap } from './uris';

/** The language id the extension registers for ASA configs; documents with it are always device files. */
export const LANGUAGE_ID = 'asa';

export interface SourcesContext {
  workspace: Workspace;
  uris: UriMap;
  folders: Folders;
  settings: () => ServerSettings;
  /** Called after a document's text in the workspace changed or it left the workspace. */
  changed: (key: string) => void;
}

export class DocumentSources {
  private readonly documents = new TextDocuments(TextDocument);
  /** Open documents that are device files, by key. */
  private readonly open = new Map<string, TextDocument>();
  /** Keys whose text in the workspace came from disk. */
  private readonly fromDisk = new Set<string>();

  constructor(private readonly ctx: SourcesContext) {
    this.documents.onDidOpen((event) => this.opened(event.document));
    this.documents.onDidChangeContent((event) => this.edited(event.document));
    this.documents.onDidClose((event) => void this.closed(event.document));
  }

  listen(connection: Connection): void {
    this.documents.listen(connection);
  }

  isOpen(key: string): boolean {
    return this.open.has(key);
  }

  /** The open document of a key, when the client has it open as a device file. */
  document(key: string): TextDocument | undefined {
    return this.open.get(key);
  }

  /** The version of the text the workspace holds: the editor's version, or null for a file read from disk. */
  version(key: string): number | null {
    return this.open.get(key)?.version ?? null;
  }

  /** Keys read from disk (not open in the editor). */
  diskKeys(): string[] {
    return [...this.fromDisk];
  }

  /** Puts a file's disk text into the workspace, unless the editor's copy is authoritative. */
  setFromDisk(key: string, text: string): void {
    if (this.open.has(key)) return;
    this.fromDisk.add(key);
    this.ctx.workspace.set(key, text);
    this.ctx.changed(key);
  }

  /** Drops a file that is gone from disk (or no longer a device file), unless it is open. */
  removeFromDisk(key: string): void {
    if (this.open.has(key) || !this.fromDisk.has(key)) return;
    this.fromDisk.delete(key);
    this.ctx.workspace.delete(key);
    this.ctx.changed(key);
  }

  private opened(document: TextDocument): void {
    const key = this.ctx.uris.remember(document.uri);
    const path = keyPath(key);
    const name = path ? this.ctx.folders.relativePath(path) : document.uri.slice(document.uri.lastIndexOf('/') + 1);
    if (document.languageId !== LANGUAGE_ID && !isDeviceFile(name, document.getText(), this.ctx.settings().deviceFiles)) return;
    this.open.set(key, document);
    this.fromDisk.delete(key);
    this.ctx.workspace.set(key, document.getText());
    this.ctx.changed(key);
  }

  private edited(document: TextDocument): void {
    const key = this.ctx.uris.key(document.uri);
    if (this.open.get(key) !== document) return;
    // Only the text is stored here; analysis waits for the debounced pass, so a keystroke stays cheap.
    this.ctx.workspace.set(key, document.getText());
    this.ctx.changed(key);
  }

  private async closed(document: TextDocument): Promise<void> {
    const key = this.ctx.uris.key(document.uri);
    if (this.open.get(key) !== document) return;
    this.open.delete(key);
    const path = keyPath(key);
    const read = path ? await readDeviceFile(path, this.ctx.folders.relativePath(path), this.ctx.settings().deviceFiles) : null;
    // The client may have opened the document again while the file was read.
    if (this.open.has(key)) return;
    if (read?.kind === 'device' && path && this.ctx.folders.contains(path)) {
      this.fromDisk.add(key);
      this.ctx.workspace.set(key, read.text);
    } else {
      this.ctx.workspace.delete(key);
    }
    this.ctx.changed(key);
  }
}
