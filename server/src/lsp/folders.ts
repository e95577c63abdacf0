// The workspace folders the server indexes: from `initialize` (workspace folders, else the root), kept current by
// `workspace/didChangeWorkspaceFolders`. Device-file patterns are matched against paths relative to these folders.
import type { InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import { baseName, isInside, relativeInside } from './local-paths';
import { keyPath, pathKey, uriKey } from './uris';

export { isInside };

export interface Folder {
  key: string;
  path: string;
}

export class Folders {
  private list: Folder[] = [];

  constructor(params: InitializeParams) {
    const given: string[] = params.workspaceFolders?.map((f) => f.uri) ?? [];
    if (given.length === 0 && params.rootUri) given.push(params.rootUri);
    // rootPath is deprecated but some plain clients still send only it.
    if (given.length === 0 && params.rootPath) given.push(pathKey(params.rootPath));
    for (const uri of given) this.add(uri);
  }

  all(): readonly Folder[] {
    return this.list;
  }

  add(uri: string): Folder | null {
    const key = uriKey(uri);
    const path = keyPath(key);
    if (!path || this.list.some((f) => f.key === key)) return null;
    const folder = { key, path };
    this.list.push(folder);
    return folder;
  }

  remove(uri: string): Folder | null {
    const key = uriKey(uri);
    const folder = this.list.find((f) => f.key === key) ?? null;
    this.list = this.list.filter((f) => f.key !== key);
    return folder;
  }

  change(
    added: readonly WorkspaceFolder[],
    removed: readonly WorkspaceFolder[],
  ): { added: Folder[]; removed: Folder[] } {
    return {
      removed: removed.map((f) => this.remove(f.uri)).filter((f): f is Folder => f !== null),
      added: added.map((f) => this.add(f.uri)).filter((f): f is Folder => f !== null),
    };
  }

  /** The path of a file relative to the folder holding it (with `/`), or its bare name outside every folder. */
  relativePath(path: string): string {
    for (const folder of this.list) {
      const rel = relativeInside(folder.path, path);
      if (rel !== null) return rel;
    }
    return baseName(path);
  }

  /** Whether a path lies inside one of the folders. */
  contains(path: string): boolean {
    return this.list.some((f) => isInside(path, f.path));
  }
}
