// Plain data shared by every layer of the core: positions, ranges, edits and diagnostics.
// These mirror the LSP shapes (0-based lines, UTF-16 characters) so adapters pass them through unchanged.

/** A 0-based position; `character` counts UTF-16 code units, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range [start, end). */
export interface Range {
  start: Position;
  end: Position;
}

import type { DiagnosticCode, Severity } from './checks/codes';

export type { DiagnosticCode, Severity };

/** Replaces the text of `range` with `newText` in one document. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix computed by the core: plain text edits on the diagnostic's own document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when this is clearly the right fix, so editors may apply it on "fix all". */
  preferred?: boolean;
}

/** Points at a line in another (or the same) document that explains a diagnostic. */
export interface RelatedLocation {
  /** The document's identifier: a URI in the editor, a path in the CLI. */
  uri: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Words longer than this are shortened where a message quotes them. */
const LONG_WORD = 64;

/**
 * A message with every very long word (a pasted blob, a token of thousands of characters) shortened to its start
 * and end around an ellipsis, so that a message stays readable whatever the config holds. Ordinary words, addresses
 * and host names are far shorter and pass unchanged.
 */
export function shortenLongWords(message: string): string {
  if (message.length <= LONG_WORD || !hasLongRun(message)) return message;
  // A loop, not a regular expression: a word of megabytes overflowed the expression engine's stack.
  let out = '';
  let copied = 0;
  let start = -1;
  for (let i = 0; i <= message.length; i++) {
    const inWord = i < message.length && !isWordBreak(message.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      if (i - start > LONG_WORD) {
        out += `${message.slice(copied, start)}${message.slice(start, start + 40)}…${message.slice(i - 12, i)} (${(i - start).toLocaleString('en')} characters)`;
        copied = i;
      }
      start = -1;
    }
  }
  return out + message.slice(copied);
}

/** Characters that end a word in a message: white space, quotes and the punctuation messages put around words. */
const BREAKS = new Set([...' \t\n\r\v\f\'`"*:,;()|'].map((c) => c.charCodeAt(0)));

function isWordBreak(code: number): boolean {
  return BREAKS.has(code) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** Whether some run of characters without white space is longer than LONG_WORD (a cheap test before the loop). */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    run = code === 32 || code === 10 || code === 9 ? 0 : run + 1;
    if (run > LONG_WORD) return true;
  }
  return false;
}

/** The diagnostic with its texts (message, related messages, fix titles) kept readable; see shortenLongWords. */
export function readableDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const message = shortenLongWords(diagnostic.message);
  const related = diagnostic.related.map((r) => ({ ...r, message: shortenLongWords(r.message) }));
  const fixes = diagnostic.fixes.map((f) => ({ ...f, title: shortenLongWords(f.title) }));
  const changed =
    message !== diagnostic.message ||
    related.some((r, i) => r.message !== diagnostic.related[i]!.message) ||
    fixes.some((f, i) => f.title !== diagnostic.fixes[i]!.title);
  return changed ? { ...diagnostic, message, related, fixes } : diagnostic;
}
