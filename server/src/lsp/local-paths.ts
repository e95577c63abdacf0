// Path arithmetic on local file-system paths (the folders the Node server indexes), with the platform's separator.
// The web worker build swaps in `local-paths.web.ts`.
import { basename, relative, sep } from 'node:path';

/** Whether `path` is `folder` or lies below it (a sibling that merely starts with the same letters does not). */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The path of a file relative to a folder, with `/`, or null when it is not below the folder. */
export function relativeInside(folder: string, path: string): string | null {
  const rel = relative(folder, path);
  if (rel && !rel.startsWith('..') && !rel.startsWith(sep)) return rel.split(sep).join('/');
  return null;
}

export function baseName(path: string): string {
  return basename(path);
}
