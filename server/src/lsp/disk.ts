// Reads device files that are not open in the editor, for background indexing, file watching and closed documents:
// the Node server's own access to the file system. The web worker build has none and swaps in `disk.web.ts`.
import { readFileSync } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { isDeviceFile, matchesDeviceGlobs, SKIPPED_FOLDERS } from '../core/detect';

export { matchesDeviceGlobs };
import { MAX_INDEXED_FILE_BYTES, type DiskRead } from './disk-read';
export { MAX_INDEXED_FILE_BYTES, type DiskRead };

/**
 * Reads a file and decides whether it is a device config under the given patterns. Never throws. Symbolic links are
 * refused, the file's own and any folder's between it and its workspace folder, as the indexer's walk refuses them:
 * a link committed to a repository may point anywhere (`/etc/shadow`, `/dev/zero`).
 */
export async function readDeviceFile(path: string, relativePath: string, globs: readonly string[]): Promise<DiskRead> {
  if (!matchesDeviceGlobs(relativePath, globs)) return { kind: 'not-device' };
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return { kind: 'link' };
    if (!info.isFile()) return { kind: 'missing' };
    if (info.size > MAX_INDEXED_FILE_BYTES) return { kind: 'too-large' };
    if (await throughLinkedFolder(path, relativePath)) return { kind: 'link' };
    // Invalid UTF-8 is replaced rather than refused, as the CLI does, so one stray byte never hides a device.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(await readFile(path));
    return isDeviceFile(relativePath, text, globs) ? { kind: 'device', text } : { kind: 'not-device' };
  } catch {
    return { kind: 'missing' };
  }
}

/**
 * Reads an indexed file's text again, when a request needs its tree: the workspace keeps no text of unopened files.
 * A file gone since reads as empty; its watcher event removes it.
 */
export function readTextAgain(path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(path));
  } catch {
    return '';
  }
}

/** Whether a folder between the workspace folder and the file is a link (its real path is elsewhere). */
async function throughLinkedFolder(path: string, relativePath: string): Promise<boolean> {
  const relative = relativePath.split('/').join(sep);
  if (!relative.includes(sep) || !path.endsWith(relative)) return false;
  const root = path.slice(0, path.length - relative.length);
  const [realRoot, realDir] = await Promise.all([realpath(root), realpath(dirname(path))]);
  return realDir !== join(realRoot, dirname(relative));
}

/**
 * Collects the files under `dir` whose paths relative to the folder match the patterns, in name order, skipping
 * dependency and version-control folders; stops early when `cancelled` says so. Unreadable folders are skipped.
 */
export async function listDeviceFiles(
  dir: string,
  rel: string,
  globs: readonly string[],
  out: { path: string; rel: string }[],
  cancelled: () => boolean,
): Promise<void> {
  if (cancelled()) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    // Symbolic links are not followed, so a link cycle cannot trap the walk.
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name))
        await listDeviceFiles(join(dir, entry.name), childRel, globs, out, cancelled);
    } else if (entry.isFile() && matchesDeviceGlobs(childRel, globs)) {
      out.push({ path: join(dir, entry.name), rel: childRel });
    }
  }
}
