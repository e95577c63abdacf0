// `asaLb.importShowOutput`: takes `show vpn load-balancing` text from the editor selection, a file, or the
// preview's own paste box, and hands it to the redirect preview (which asks the server to parse it).
import * as vscode from 'vscode';
import { MAX_SHOW_TEXT } from '../preview/messages';
import { labelOf, type RedirectPreview } from '../preview/preview-panel';
import { isDeviceDocument } from '../document-selector';

export async function importShowOutput(preview: RedirectPreview): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected.trim() !== '') {
    if (!(await ensurePreview(preview))) return;
    await preview.importShow(selected, `the selection in ${labelOf(editor!.document.uri.toString())}`);
    return;
  }
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(file) From a file…', detail: 'A saved capture of the command output.', id: 'file' as const },
      { label: '$(clippy) Paste into the preview', detail: "Opens the preview's import box.", id: 'paste' as const },
    ],
    { title: "Import 'show vpn load-balancing' output", placeHolder: 'Where is the output?' },
  );
  if (!choice) return;
  if (choice.id === 'paste') {
    if (!(await ensurePreview(preview))) return;
    preview.focusImport();
    return;
  }
  const [file] =
    (await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Import',
      title: "Import 'show vpn load-balancing' output",
      filters: { 'Text captures': ['txt', 'log', 'out'], 'All files': ['*'] },
    })) ?? [];
  if (!file) return;
  const bytes = await vscode.workspace.fs.readFile(file);
  if (bytes.byteLength > MAX_SHOW_TEXT) {
    void vscode.window.showErrorMessage(
      `${labelOf(file.toString())} is too large for 'show vpn load-balancing' output (over ${MAX_SHOW_TEXT / 1_000_000} MB).`,
    );
    return;
  }
  if (!(await ensurePreview(preview))) return;
  await preview.importShow(new TextDecoder('utf-8').decode(bytes), labelOf(file.toString()));
}

/**
 * The import needs a group to fill: the open preview, else the active device file's, else one of the open device
 * files chosen by the user.
 */
async function ensurePreview(preview: RedirectPreview): Promise<boolean> {
  if (preview.isOpen) return true;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDeviceDocument(active)) {
    await preview.show(active.uri);
    return true;
  }
  const candidates = vscode.workspace.textDocuments.filter((d) => isDeviceDocument(d) && !d.isClosed);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      "Open a member's configuration first: the imported loads fill the preview of its group.",
    );
    return false;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((d) => ({
      label: labelOf(d.uri.toString()),
      description: vscode.workspace.asRelativePath(d.uri),
      uri: d.uri,
    })),
    { title: 'Which group does the output belong to?', placeHolder: "Choose a member's configuration" },
  );
  if (!picked) return false;
  await preview.show(picked.uri);
  return true;
}
