// The fixture group as the suite sees it: its files in the open workspace, and positions and ranges written as marked
// config text, so the tables of the suites read like the configs they test.
//
// Marked text is a piece of one line of a fixture file: `[`…`]` marks a range (`' cluster port [9024]'`), `|` marks
// a cursor (`' interface lbprivate |Inside'`). The text without its marks must occur exactly once in the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_KEYS, type Member } from './group';

export { FIXTURE_KEYS, MEMBERS, PRODUCT_ID, type Member } from './group';

export function memberUri(file: Member): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The workbench has no folder open: start it on a copy of test/fixtures/e2e/group/.');
  return vscode.Uri.joinPath(folder.uri, file);
}

export async function openMember(file: Member): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(memberUri(file));
}

/** True when the editor holds the member as a document (opened by a test or by an editor), false when only on disk. */
export function isOpen(file: Member): boolean {
  const uri = memberUri(file).toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
}

interface Marked {
  text: string;
  /** Offsets into `text` of the marks: a range's start and end, or a cursor (start === end). */
  start: number;
  end: number;
}

function unmark(marked: string): Marked {
  const cursor = marked.indexOf('|');
  if (cursor >= 0) return { text: marked.replace('|', ''), start: cursor, end: cursor };
  const open = marked.indexOf('[');
  const close = marked.indexOf(']');
  assert.ok(open >= 0 && close > open, `Marked text needs '[…]' or '|': ${marked}`);
  return {
    text: marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1),
    start: open,
    end: close - 1,
  };
}

/** The range (or, for a cursor, the empty range) marked in `marked`, found in `lines` of the file `where`. */
export function rangeInLines(lines: readonly string[], marked: string, where: string): vscode.Range {
  const { text, start, end } = unmark(marked);
  const found: number[] = [];
  lines.forEach((line, index) => {
    if (line.includes(text)) found.push(index);
  });
  assert.equal(found.length, 1, `'${text}' should occur on exactly one line of ${where}; it occurs on ${found.length}`);
  const line = found[0]!;
  const column = lines[line]!.indexOf(text);
  return new vscode.Range(line, column + start, line, column + end);
}

/** The marked range in a document's current text. */
export function rangeOf(document: vscode.TextDocument, marked: string): vscode.Range {
  return rangeInLines(document.getText().split(/\r?\n/), marked, document.uri.path);
}

/** A member's text on disk, read without opening it as a document, so that "not open" stays true. */
export async function diskText(file: Member): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(memberUri(file)));
}

/** The marked range in a member's text on disk. */
export async function diskRange(file: Member, marked: string): Promise<vscode.Range> {
  return rangeInLines((await diskText(file)).split(/\r?\n/), marked, file);
}

export function positionOf(document: vscode.TextDocument, marked: string): vscode.Position {
  return rangeOf(document, marked).start;
}

/** A range as `line:column-line:column` (1-based, as editors show them), for readable assertion messages. */
export function showRange(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** Fails when any text the product shows contains a cluster key of the fixture. */
export function assertNoKey(texts: readonly string[], where: string): void {
  for (const text of texts) {
    for (const key of FIXTURE_KEYS)
      assert.ok(!text.includes(key), `${where} shows a cluster key: ${JSON.stringify(text.slice(0, 200))}`);
  }
}
