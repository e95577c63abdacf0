// The web worker build's stand-in for `uris.ts`: the worker reads no local file, so every URI is its own key and no
// key has a local path. The extension hands over the workspace's files under the URIs the editor itself uses
// (`workspace-files.ts`), which are the spellings its documents arrive with, so the two meet under one key.
export function uriKey(uri: string): string {
  return uri;
}

export function keyPath(_key: string): string | null {
  return null;
}

export function pathKey(path: string): string {
  return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The client's spelling is the key itself, so there is nothing to remember. */
export class UriMap {
  key(uri: string): string {
    return uri;
  }

  remember(uri: string): string {
    return uri;
  }

  toClient(key: string): string {
    return key;
  }

  forget(_key: string): void {}
}
