// `workspace/didChangeWatchedFiles`: keeps unopened device files current when they are created, changed or deleted
// on disk (a rename arrives as a delete and a create). Registers the watchers itself when the client allows dynamic
// registration; otherwise the client's own watcher configuration decides which events arrive.
import {
  FileChangeType,
  WatchKind,
  type DidChangeWatchedFilesParams,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import { readDeviceFile } from './disk';
import type { Session } from './session';
import { keyPath, uriKey } from './uris';

/** Watchers for the device-file patterns, plus deletions of anything, so that deleting a folder is seen too. */
export function watchers(globs: readonly string[]): FileSystemWatcher[] {
  return [...globs.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }];
}

export async function registerWatchers(session: Session, previous: Disposable | null): Promise<Disposable | null> {
  if (!session.support.watchedFilesRegistration) return null;
  previous?.dispose();
  return session.connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: watchers(session.settings().deviceFiles),
  });
}

export async function watchedFilesChanged(session: Session, params: DidChangeWatchedFilesParams): Promise<void> {
  const { sources, workspace, folders } = session;
  const globs = session.settings().deviceFiles;
  for (const change of params.changes ?? []) {
    const key = uriKey(change.uri);
    const path = keyPath(key);
    if (!path || !folders.contains(path)) continue;
    if (change.type === FileChangeType.Deleted) {
      // A deleted folder takes every file under it along.
      const prefix = key.endsWith('/') ? key : `${key}/`;
      for (const other of workspace.uris())
        if (other === key || other.startsWith(prefix)) sources.removeFromDisk(other);
      continue;
    }
    if (sources.isOpen(key)) continue;
    const read = await readDeviceFile(path, folders.relativePath(path), globs);
    if (read.kind === 'link')
      session.log.info(`Skipped ${folders.relativePath(path)}: a symbolic link (links are not followed).`);
    if (read.kind === 'device') sources.setFromDisk(key, read.text);
    else sources.removeFromDisk(key);
  }
}
