// The web worker build's stand-in for `disk.ts`: a worker has no file system, so the server reads nothing itself.
// The extension finds and reads the workspace's files through the editor and hands them over
// (`asaLb/workspaceFiles`, `workspace-files.ts`); in the worker every folder's URI has a scheme other than `file`, so
// nothing here is reached. Same exports as `disk.ts` (checked by test/lsp/web-build.test.ts).
import { matchesDeviceGlobs } from '../core/detect';

export { matchesDeviceGlobs };
import { MAX_INDEXED_FILE_BYTES, type DiskRead } from './disk-read';
export { MAX_INDEXED_FILE_BYTES, type DiskRead };

export async function readDeviceFile(
  _path: string,
  _relativePath: string,
  _globs: readonly string[],
): Promise<DiskRead> {
  return { kind: 'missing' };
}

export async function listDeviceFiles(
  _dir: string,
  _rel: string,
  _globs: readonly string[],
  _out: { path: string; rel: string }[],
  _cancelled: () => boolean,
): Promise<void> {}

/** Never called in the worker: no key has a local path, so the workspace keeps the text the extension handed over. */
export function readTextAgain(_path: string): string {
  return '';
}
