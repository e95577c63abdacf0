// Builds the plain text edits of quick fixes: insert whole lines, delete a line, replace a token.
// Edits are computed against the line tree, so they touch exactly the lines they name and keep the file's line endings.
import type { Range, TextEdit } from '../types';
import type { SyntaxTree } from '../syntax/tree';

/** The end-of-line the document mostly uses (its first one), "\n" when it has none. */
export function documentEol(tree: SyntaxTree): string {
  for (let i = 0; i < tree.lineCount; i++) {
    const eol = tree.line(i).eol;
    if (eol) return eol;
  }
  return '\n';
}

/** Inserts `texts` as new lines after line `after`. */
export function insertLinesAfter(tree: SyntaxTree, after: number, texts: string[]): TextEdit {
  const line = tree.line(after);
  const eol = documentEol(tree);
  const at = { line: after, character: line.text.length };
  if (line.eol) {
    // Insert at the start of the next line, so the new lines come with their own end-of-line and the old line is untouched.
    const start = { line: after + 1, character: 0 };
    return { range: { start, end: start }, newText: texts.map((t) => t + eol).join('') };
  }
  return { range: { start: at, end: at }, newText: texts.map((t) => eol + t).join('') };
}

/** Inserts `texts` as new lines before line `before`. */
export function insertLinesBefore(tree: SyntaxTree, before: number, texts: string[]): TextEdit {
  const eol = documentEol(tree);
  const start = { line: before, character: 0 };
  return { range: { start, end: start }, newText: texts.map((t) => t + eol).join('') };
}

/** Deletes line `index` with its end-of-line (or the preceding one, for a last line without a newline). */
export function deleteLine(tree: SyntaxTree, index: number): TextEdit {
  const line = tree.line(index);
  if (line.eol)
    return { range: { start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } }, newText: '' };
  if (index === 0)
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: line.text.length } }, newText: '' };
  const previous = tree.line(index - 1);
  return {
    range: {
      start: { line: index - 1, character: previous.text.length },
      end: { line: index, character: line.text.length },
    },
    newText: '',
  };
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Applies edits to a text (non-overlapping, any order); used by tests and the CLI's fix previews. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      starts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }): number => {
    if (p.line >= starts.length) return text.length;
    return Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  };
  const sorted = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
