// Reads a workspace file through the editor (`workspace.fs`: a web worker, a remote or virtual folder) under the rules
// the server and the CLI apply to files they read from disk: a repository can hold anything, so a symbolic link — the
// file's own or a folder's between it and its workspace folder — is refused (it may point anywhere: `/etc/shadow`,
// `/dev/zero`), and so is anything that is not a regular file or is larger than the limit, all decided before
// anything is read.
import * as vscode from 'vscode';
import { MAX_DEVICE_FILE_BYTES } from '../../server/src/core/detect';

export type EditorRead =
  { kind: 'text'; text: string } | { kind: 'link' } | { kind: 'too-large' } | { kind: 'missing' };

/** Remembers, for one pass over a folder, which of its folders are links, so each is asked about once. */
export type LinkedFolders = Map<string, Promise<boolean>>;

/** Reads `uri` as text when the rules allow; `bytes` keeps only the file's first bytes (the whole file is read still). */
export async function readThroughEditor(
  uri: vscode.Uri,
  linked: LinkedFolders = new Map(),
  bytes?: number,
): Promise<EditorRead> {
  try {
    const info = await vscode.workspace.fs.stat(uri);
    if ((info.type & vscode.FileType.SymbolicLink) !== 0) return { kind: 'link' };
    if ((info.type & vscode.FileType.File) === 0) return { kind: 'missing' };
    if (info.size > MAX_DEVICE_FILE_BYTES) return { kind: 'too-large' };
    if (await throughLinkedFolder(uri, linked)) return { kind: 'link' };
    const content = await vscode.workspace.fs.readFile(uri);
    // Invalid UTF-8 is replaced rather than refused, as the server and the CLI do.
    return {
      kind: 'text',
      text: new TextDecoder('utf-8', { fatal: false }).decode(
        bytes === undefined ? content : content.subarray(0, bytes),
      ),
    };
  } catch {
    // Gone between the listing and the read, or not readable.
    return { kind: 'missing' };
  }
}

/** Whether a folder between the file's workspace folder and the file is a symbolic link (the editor's search follows them). */
async function throughLinkedFolder(uri: vscode.Uri, linked: LinkedFolders): Promise<boolean> {
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (!root) return false;
  const rootPath = root.path.endsWith('/') ? root.path : `${root.path}/`;
  if (!uri.path.startsWith(rootPath)) return false;
  const parts = uri.path.slice(rootPath.length).split('/').slice(0, -1);
  let folder = root;
  for (const part of parts) {
    folder = vscode.Uri.joinPath(folder, part);
    const key = folder.toString();
    let isLink = linked.get(key);
    if (!isLink) {
      isLink = Promise.resolve(vscode.workspace.fs.stat(folder)).then(
        (info) => (info.type & vscode.FileType.SymbolicLink) !== 0,
        () => false,
      );
      linked.set(key, isLink);
    }
    if (await isLink) return true;
  }
  return false;
}
