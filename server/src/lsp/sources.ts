// Decides where the core workspace gets each document's text: the editor's copy while the client has the document
// open (incremental sync), the file on disk otherwise. Closing a document falls back to what is on disk.
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextChange } from '../core/syntax/tree';
import type { Workspace } from '../core/workspace';
import { isDeviceFile } from '../core/detect';
import { readDeviceFile, readTextAgain } from './disk';
import type { Logger } from './guard';
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
  log: Logger;
}

/** A document the client has open as a device file. Its text lives in the workspace, nowhere else. */
interface OpenDocument {
  uri: string;
  version: number;
}

export class DocumentSources {
  /** Open documents that are device files, by key. */
  private readonly open = new Map<string, OpenDocument>();
  /** Keys whose text in the workspace came from disk. */
  private readonly fromDisk = new Set<string>();

  constructor(private readonly ctx: SourcesContext) {}

  // The server keeps no copy of its own: an edit goes straight to the workspace, which splits and reads only the
  // lines it touches. (A general-purpose text document would copy the whole text on every keystroke.)
  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument }) =>
      this.opened(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text),
    );
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) =>
      this.edited(textDocument.uri, textDocument.version, contentChanges),
    );
    connection.onDidCloseTextDocument(({ textDocument }) => void this.closed(textDocument.uri));
  }

  isOpen(key: string): boolean {
    return this.open.has(key);
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
    this.ctx.workspace.set(key, text, { retain: false, load: reader(key) });
    this.ctx.changed(key);
  }

  /** Drops a file that is gone from disk (or no longer a device file), unless it is open. */
  removeFromDisk(key: string): void {
    if (this.open.has(key) || !this.fromDisk.has(key)) return;
    this.fromDisk.delete(key);
    this.ctx.workspace.delete(key);
    this.ctx.changed(key);
  }

  private opened(uri: string, languageId: string, version: number, text: string): void {
    if (typeof uri !== 'string' || typeof text !== 'string') return;
    const key = this.ctx.uris.remember(uri);
    const path = keyPath(key);
    const name = path ? this.ctx.folders.relativePath(path) : uri.slice(uri.lastIndexOf('/') + 1);
    if (languageId !== LANGUAGE_ID && !isDeviceFile(name, text, this.ctx.settings().deviceFiles)) return;
    this.open.set(key, { uri, version });
    this.fromDisk.delete(key);
    this.ctx.workspace.set(key, text);
    this.ctx.changed(key);
  }

  private edited(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    if (typeof uri !== 'string' || !Array.isArray(changes)) return;
    const key = this.ctx.uris.key(uri);
    const document = this.open.get(key);
    if (!document) return;
    document.version = version;
    // Only the changed lines are read again here; analysis waits for the scheduled pass, so a keystroke stays cheap.
    // Changes apply in order; a full-text change replaces the text, and range changes after it apply on top of it.
    let ranges: TextChange[] = [];
    const flush = (): void => {
      if (ranges.length > 0) this.ctx.workspace.edit(key, ranges);
      ranges = [];
    };
    for (const change of changes) {
      if (typeof change?.text !== 'string') continue;
      if ('range' in change && change.range) {
        // A malformed range cannot be placed; the document is then out of step, so it is dropped until reopened.
        if (!isPosition(change.range.start) || !isPosition(change.range.end)) return this.malformed(key);
        ranges.push({ start: change.range.start, end: change.range.end, text: change.text });
      } else {
        flush();
        this.ctx.workspace.set(key, change.text);
      }
    }
    flush();
    this.ctx.changed(key);
  }

  private malformed(key: string): void {
    // Named by its file name only: the log never shows document text, and paths may say more than needed.
    this.ctx.log.warn(
      `A change to ${key.slice(key.lastIndexOf('/') + 1)} had a malformed range; the document is set aside until it is opened again.`,
    );
    this.open.delete(key);
    this.ctx.workspace.delete(key);
    this.ctx.changed(key);
  }

  private async closed(uri: string): Promise<void> {
    if (typeof uri !== 'string') return;
    const key = this.ctx.uris.key(uri);
    if (!this.open.has(key)) return;
    this.open.delete(key);
    const path = keyPath(key);
    const read = path
      ? await readDeviceFile(path, this.ctx.folders.relativePath(path), this.ctx.settings().deviceFiles)
      : null;
    // The client may have opened the document again while the file was read.
    if (this.open.has(key)) return;
    if (read?.kind === 'device' && path && this.ctx.folders.contains(path)) {
      this.fromDisk.add(key);
      this.ctx.workspace.set(key, read.text, { retain: false, load: reader(key) });
    } else {
      this.ctx.workspace.delete(key);
    }
    this.ctx.changed(key);
  }
}

/** Reads a file from disk again; the workspace keeps no text of files that are not open. */
function reader(key: string): (() => string) | undefined {
  const path = keyPath(key);
  return path ? () => readTextAgain(path) : undefined;
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}
