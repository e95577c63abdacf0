// `asaLb/workspaceFiles`: device files the extension found and read through the editor, for folders the server cannot
// read itself. Judged exactly like files read from disk: the device-file patterns, the indexing size limit and the
// content test decide; a file that fails them, or arrives without text, leaves the workspace unless it is open.
import { isDeviceFile, matchesDeviceGlobs, MAX_DEVICE_FILE_BYTES } from '../core/detect';
import type { WorkspaceFilesParams } from '../protocol';
import type { Session } from './session';

export function workspaceFilesChanged(session: Session, params: WorkspaceFilesParams | null | undefined): void {
  const globs = session.settings().deviceFiles;
  const files = Array.isArray(params?.files) ? params.files : [];
  for (const file of files) {
    if (typeof file?.uri !== 'string' || typeof file.relativePath !== 'string') continue;
    const key = session.uris.key(file.uri);
    const text = typeof file.text === 'string' ? file.text : null;
    // A string never has more UTF-16 units than its UTF-8 bytes, so this refuses only what the client should have.
    const accepted =
      text !== null &&
      text.length <= MAX_DEVICE_FILE_BYTES &&
      matchesDeviceGlobs(file.relativePath, globs) &&
      isDeviceFile(file.relativePath, text, globs);
    if (accepted) session.sources.setFromDisk(key, text);
    else session.sources.removeFromDisk(key);
  }
}
