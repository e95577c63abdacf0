// What a config's first lines say about the device: its software version, whether the text is a security context's
// own configuration, and whether it is a whole running-config at all or only a fragment of one.
import type { Range } from '../types';
import type { SyntaxTree } from '../syntax/tree';

export interface HeaderModel {
  /** `ASA Version 9.8(4)20` → `9.8(4)20`; null when the file has no version line. */
  version: string | null;
  /** The version line, when it marks a context's own config (`ASA Version 9.8(4)20 <context>`). */
  contextLine: { line: number; lineRange: Range } | null;
  /** Whether a running-config header (`ASA Version`, `PIX Version`, `: Saved`, `: Written by`) was seen. */
  seen: boolean;
}

// A running-config starts with these within its first lines; a `show version` pasted as `!` comments can push the
// version line down by some 70 lines, so the scan reaches a little further than that.
const SCANNED_LINES = 120;
// The rest starts at white space, so the version word and the rest never compete for the same characters.
const VERSION = /^(?:ASA|PIX|FWSM) Version (\S+)(\s.*)?$/;
const SAVED = /^: (?:Saved|Written by)/;

/** Reads the header from the first lines only, so it costs the same on every keystroke whatever the file's size. */
export function readHeader(tree: SyntaxTree): HeaderModel {
  const header: HeaderModel = { version: null, contextLine: null, seen: false };
  const end = Math.min(tree.lineCount, SCANNED_LINES);
  for (let i = 0; i < end; i++) {
    const line = tree.line(i);
    const text = line.text.trim();
    if (SAVED.test(text)) header.seen = true;
    const m = VERSION.exec(text);
    if (!m || header.version !== null) continue;
    header.seen = true;
    header.version = m[1]!;
    // A security context's running-config names itself in its header; the system's does not.
    if (/<context>/i.test(m[2] ?? '')) {
      const start = line.text.length - line.text.trimStart().length;
      header.contextLine = {
        line: i,
        lineRange: { start: { line: i, character: start }, end: { line: i, character: line.text.trimEnd().length } },
      };
    }
  }
  return header;
}

/** Whether a version (`8.2(5)`, `9.8(4)20`) is older than `major.minor`. */
export function versionBefore(version: string | null, major: number, minor: number): boolean {
  const m = version ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a < major || (a === major && b < minor);
}
