// Which documents the language server handles: the `asa` language, plus files matching the device-file patterns
// (`asaLb.deviceFiles`), which the server then classifies by content.
import * as vscode from 'vscode';
import { DEFAULT_DEVICE_GLOBS } from '../../server/src/core/detect';

/** The `asaLb.deviceFiles` patterns; the core's defaults when the setting is missing or malformed. */
export function deviceFileGlobs(): string[] {
  const value = vscode.workspace.getConfiguration('asaLb').get<unknown>('deviceFiles');
  if (Array.isArray(value) && value.every((g) => typeof g === 'string' && g.trim() !== '')) return value as string[];
  return [...DEFAULT_DEVICE_GLOBS];
}

/**
 * Where device documents live: files, unsaved editors (a change script the extension opens), virtual and remote
 * workspaces. Not `git:` and the like: those are older versions VS Code opens for its diffs (the quick diff opens one
 * for every edited file of a repository), and the server would take each for one more device.
 */
const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/**
 * Local files, plus the schemes of the workspace's folders (`vscode-vfs` on github.dev, `vscode-remote` in a browser
 * on code-server, any other file system a web editor mounts), so that the patterns match the workspace's files
 * wherever they live but never the other views of a file (`git:` diffs, output, untitled).
 */
function workspaceSchemes(): string[] {
  return [...new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
}

export function deviceSelector(): vscode.DocumentFilter[] {
  const schemes = workspaceSchemes();
  const asaSchemes = [...new Set([...DOCUMENT_SCHEMES, ...schemes])];
  return [
    ...asaSchemes.map((scheme) => ({ language: 'asa', scheme })),
    ...deviceFileGlobs().flatMap((pattern) => schemes.map((scheme) => ({ scheme, pattern }))),
  ];
}

/** True when the server handles this document (so the status bar and the preview can ask about it). */
export function isDeviceDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(deviceSelector(), document) > 0;
}
