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

export function deviceSelector(): vscode.DocumentFilter[] {
  return [...DOCUMENT_SCHEMES.map((scheme) => ({ language: 'asa', scheme })), ...deviceFileGlobs().map((pattern) => ({ scheme: 'file', pattern }))];
}

/** True when the server handles this document (so the status bar and the preview can ask about it). */
export function isDeviceDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(deviceSelector(), document) > 0;
}
