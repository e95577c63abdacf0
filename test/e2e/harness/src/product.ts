// The product as the suite reaches it: activates the extension under test once, waits until its language server has
// published diagnostics, and lets a test edit a member and put it back. Every test awaits `productReady()`, so when
// the product is missing or broken each test fails with the reason instead of being skipped by a failed hook.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MEMBERS, PRODUCT_ID, memberUri, openMember, type Member } from './fixture';
import { waitFor } from './wait';

/** The first start of the language server and its first analysis of the workspace: slower than any later answer. */
const READY_MS = 90_000;

/** The `source` the language server puts on its diagnostics. */
export const SOURCE = 'asa-lb';

let ready: Promise<void> | undefined;

export function productReady(): Promise<void> {
  ready ??= activate();
  return ready;
}

async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension(PRODUCT_ID);
  assert.ok(extension, `The extension ${PRODUCT_ID} is not installed in this workbench (was the .vsix installed?).`);
  try {
    await extension.activate();
  } catch (error) {
    assert.fail(
      `The extension ${PRODUCT_ID} failed to activate: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // The first diagnostics mean the language server started, indexed the workspace and runs its checks.
  await waitFor(
    'the language server to publish diagnostics for any member of the fixture group (is dist/server.js in the .vsix, and does it start?)',
    () => (MEMBERS.some((m) => ownDiagnostics(m).length > 0) ? true : undefined),
    [vscode.languages.onDidChangeDiagnostics],
    () => '',
    READY_MS,
  );
}

/** The product's diagnostics of a member, in the order the editor holds them. */
export function ownDiagnostics(file: Member): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(memberUri(file)).filter((d) => d.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Replaces the whole text of an open document, through the editor, as undo would. */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `The editor refused to edit ${document.uri.path}`);
}

/**
 * Runs `body` on an open member and then puts the member back as it was, saved, whatever `body` did or threw;
 * the suite runs on the fixture folder itself under `@vscode/test-electron`, so nothing may stay changed.
 */
export async function withMember(
  file: Member,
  body: (document: vscode.TextDocument, original: string) => Promise<void>,
): Promise<void> {
  const document = await openMember(file);
  const original = document.getText();
  try {
    await body(document, original);
  } finally {
    await setText(document, original);
    if (document.isDirty) await document.save();
  }
}

/** Replaces the one occurrence of `from` in the document with `to` (through the editor, unsaved). */
export async function replaceOnce(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const text = document.getText();
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `'${from}' should occur exactly once in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), `The editor refused to edit ${document.uri.path}`);
}
