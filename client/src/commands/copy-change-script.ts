// ASA VPN LB: Copy Change Script — the change script from the active configuration's last committed version (through
// VS Code's git extension, when present) or its last saved version, to the editor's text, opened as a new untitled
// `asa` document that the server checks as a change script on top of that version.
import * as vscode from 'vscode';
import type { ServerConnection } from '../server-connection';

/** The part of the git extension's API used here (`vscode.git`, API version 1). */
interface GitApi {
  getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string> } | null;
}

interface BaseVersion {
  text: string;
  label: string;
}

/** The version in the last commit, through the git extension, or null when there is none or no git. */
async function committedVersion(uri: vscode.Uri): Promise<BaseVersion | null> {
  if (uri.scheme !== 'file') return null;
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return null;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    const repository = exports.getAPI(1).getRepository(uri);
    if (!repository) return null;
    return { text: await repository.show('HEAD', uri.fsPath), label: 'last commit' };
  } catch {
    // Not committed yet, or git unavailable: the saved version is the next best base.
    return null;
  }
}

async function savedVersion(uri: vscode.Uri): Promise<BaseVersion | null> {
  if (uri.scheme === 'untitled') return null;
  try {
    return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)), label: 'saved file' };
  } catch {
    return null;
  }
}

/** Where the change starts: the committed version when git knows the file, else the file as last saved. */
export async function baseVersion(uri: vscode.Uri): Promise<BaseVersion | null> {
  return (await committedVersion(uri)) ?? (await savedVersion(uri));
}

/** Opens a change script as an untitled `asa` document and tells the server which configuration it starts from. */
export async function openChangeScript(
  server: ServerConnection,
  text: string,
  base: { uri: vscode.Uri; text: string },
): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'asa', content: text });
  await server.setScriptBase(document.uri.toString(), base.uri.toString(), base.text);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export async function copyChangeScript(server: ServerConnection): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'asa') {
    void vscode.window.showErrorMessage('Open the configuration to script (an ASA file) first.');
    return;
  }
  const document = editor.document;
  const base = await baseVersion(document.uri);
  if (!base) {
    void vscode.window.showErrorMessage(
      `${document.uri.scheme === 'untitled' ? 'An unsaved document has no earlier version' : 'No committed or saved version of this file was found'} to start the change script from.`,
    );
    return;
  }
  const result = await server.changeScript({
    uri: document.uri.toString(),
    baseLabel: base.label,
    baseText: base.text,
    targetText: document.getText(),
  });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.error);
    return;
  }
  await openChangeScript(server, result.text, { uri: document.uri, text: base.text });
  const notes: string[] = [];
  if (result.steps <= 2) notes.push(`nothing to change since the ${base.label}`);
  if (result.targetErrors > 0)
    notes.push(`the configuration still has ${result.targetErrors} error${result.targetErrors === 1 ? '' : 's'}`);
  if (result.unscripted.length > 0) notes.push(`not scripted: ${result.unscripted.join('; ')}`);
  if (notes.length > 0)
    void vscode.window.showWarningMessage(`Change script from the ${base.label}: ${notes.join('; ')}.`);
}
