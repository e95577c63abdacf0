// Finds what a position points at — the document's cached analysis, the line, the word — without ever throwing.
// Every feature starts here, so unknown documents and out-of-range positions are answered the same way everywhere.
import type { DeviceAnalysis } from '../analyze';
import type { LineNode } from '../syntax/tree';
import type { Position, Range } from '../types';
import type { Workspace } from '../workspace';

export interface LineCursor {
  analysis: DeviceAnalysis;
  line: LineNode;
  character: number;
}

/** A whitespace-separated word of a line, with its columns. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

function isPosition(position: Position | null | undefined): position is Position {
  return (
    !!position &&
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    position.line >= 0 &&
    position.character >= 0
  );
}

/** The analysis of `uri`, or null when the workspace does not hold it. */
export function analysisOf(ws: Workspace, uri: string): DeviceAnalysis | null {
  if (typeof uri !== 'string' || !ws.has(uri)) return null;
  return ws.analysis(uri) ?? null;
}

/** The line a position is on, or null for an unknown document or a position outside the text. */
export function cursorAt(ws: Workspace, uri: string, position: Position): LineCursor | null {
  const analysis = analysisOf(ws, uri);
  if (!analysis || !isPosition(position)) return null;
  const line = analysis.tree.lines[position.line];
  if (!line || position.character > line.text.length) return null;
  return { analysis, line, character: position.character };
}

/** The words of `text` from column `from` on. */
export function wordsOf(text: string, from = 0): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text))
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return words;
}

/** A range on one line. */
export function lineSpan(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** True when `character` lies within [start, end] (the end included, so a cursor just after a word still hits it). */
export function touches(character: number, start: number, end: number): boolean {
  return character >= start && character <= end;
}

/** The whole text of a line as a range, from its command start to its last non-space character. */
export function commandSpan(line: LineNode): Range {
  return lineSpan(line.index, line.commandStart, Math.max(line.commandStart, line.text.trimEnd().length));
}

/** The end of the document's last line of a block, for ranges that cover whole blocks. */
export function endOfLine(analysis: DeviceAnalysis, index: number): Position {
  const line = analysis.tree.lines[index];
  return { line: index, character: line ? line.text.length : 0 };
}

/** The last part of a uri or path: what a file is called when it has no hostname. */
export function fileName(uri: string): string {
  let end = uri.length;
  while (end > 0 && (uri[end - 1] === '/' || uri[end - 1] === '\\')) end--;
  const trimmed = uri.slice(0, end);
  const last = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
