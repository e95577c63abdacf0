// The web worker build's stand-in for `local-paths.ts`: the same arithmetic on `/`-separated paths, without
// `node:path`. In the worker no key has a local path (`uris.web.ts`), so these only keep the shared modules whole.
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

export function relativeInside(folder: string, path: string): string | null {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(prefix) && path.length > prefix.length ? path.slice(prefix.length) : null;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
