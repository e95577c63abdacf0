// Maps the document URIs clients send to the one key per file the core workspace uses, and back again.
// Clients spell the same file differently (VS Code escapes `:` and `@`, others do not), so a file opened by the
// client and the same file found on disk by the indexer must meet under one key, while replies use the client's spelling.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The canonical key of a URI: file URIs are normalised through their path; other schemes are kept as they are. */
export function uriKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    // A malformed file URI (a host part, bad escapes) is still a name the client may use again: keep it verbatim.
    return uri;
  }
}

/** The file-system path of a key, or null when it is not a local file. */
export function keyPath(key: string): string | null {
  if (!key.startsWith('file:')) return null;
  try {
    return fileURLToPath(key);
  } catch {
    return null;
  }
}

export function pathKey(path: string): string {
  return pathToFileURL(path).href;
}

/** Remembers how the client spells each key, so that diagnostics and locations go back in the client's words. */
export class UriMap {
  private readonly spelled = new Map<string, string>();

  /** The key of a URI the client sent in a request (nothing is recorded). */
  key(uri: string): string {
    return uriKey(uri);
  }

  /** Records the client's spelling of a document it opened and returns its key. */
  remember(uri: string): string {
    const key = uriKey(uri);
    if (key !== uri) this.spelled.set(key, uri);
    return key;
  }

  /** The URI to send to the client for a key. */
  toClient(key: string): string {
    return this.spelled.get(key) ?? key;
  }

  forget(key: string): void {
    this.spelled.delete(key);
  }
}
