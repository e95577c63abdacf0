// Finds one device config in a folder on disk, as cheaply as possible: the folder is walked breadth first (backups
// usually sit near the top), only files matching the device-file patterns are opened, only their head is read, and
// the walk stops at the first config. The language server, once started, indexes the folder in full.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeviceFile, matchesDeviceGlobs, SKIPPED_FOLDERS } from '../../server/src/core/detect';
import { readHead } from './file-head';

export interface FindOptions {
  /** How many folder entries the walk looks at before it gives up (a huge tree with no config in sight). */
  maxEntries?: number;
  /** Polled between files: true stops the walk. */
  cancelled?: () => boolean;
}

const MAX_ENTRIES = 20_000;

/** The path (relative to `folder`, with `/`) of the first device config found, or undefined. */
export async function findDeviceFile(
  folder: string,
  globs: readonly string[],
  options: FindOptions = {},
): Promise<string | undefined> {
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const cancelled = options.cancelled ?? (() => false);
  let seen = 0;
  let level: string[] = [''];
  while (level.length > 0) {
    const next: string[] = [];
    for (const rel of level) {
      let entries;
      try {
        entries = await readdir(rel ? join(folder, rel) : folder, { withFileTypes: true });
      } catch {
        continue; // Unreadable or gone: nothing to find there.
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        if (++seen > maxEntries || cancelled()) return undefined;
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        // Symbolic links are not followed, as in the server's indexer, so a link cycle cannot trap the walk.
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) next.push(path);
        } else if (
          entry.isFile() &&
          matchesDeviceGlobs(path, globs) &&
          (await isConfig(join(folder, path), path, globs))
        ) {
          return path;
        }
      }
    }
    level = next;
  }
  return undefined;
}

async function isConfig(full: string, path: string, globs: readonly string[]): Promise<boolean> {
  // `.asa` files count by name; the others by their first lines.
  if (isDeviceFile(path, '', globs)) return true;
  try {
    return isDeviceFile(path, await readHead(full), globs);
  } catch {
    return false; // Deleted meanwhile, or not readable: not a config we could check.
  }
}
