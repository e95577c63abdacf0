// Opens device configs as `asa` even where another extension claims their file extension (`.cfg`/`.conf` are
// claimed by VS Code's built-in ini support): a file matching `asaLb.deviceFiles` whose content looks like ASA
// switches to the `asa` language, so it gets highlighting and the `[asa]` editor defaults.
import * as vscode from 'vscode';
import { looksLikeAsa } from '../../server/src/core/detect';
import { isDeviceDocument } from './document-selector';

// Languages a user may have chosen on purpose for such a file are left alone; only VS Code's guesses are replaced.
const REPLACEABLE = new Set(['plaintext', 'properties', 'ini', 'log']);

async function adopt(document: vscode.TextDocument): Promise<void> {
  if (document.languageId === 'asa' || !REPLACEABLE.has(document.languageId)) return;
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return;
  if (!isDeviceDocument(document) || !looksLikeAsa(document.getText(new vscode.Range(0, 0, 2000, 0)))) return;
  await vscode.languages.setTextDocumentLanguage(document, 'asa');
}

export function registerLanguageAdoption(): vscode.Disposable {
  for (const document of vscode.workspace.textDocuments) void adopt(document).catch(() => undefined);
  return vscode.workspace.onDidOpenTextDocument((document) => void adopt(document).catch(() => undefined));
}
