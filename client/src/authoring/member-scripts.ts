// After New Load-Balancing Group: for each new member whose configuration is already in the workspace (same
// hostname), offer the change script that makes that device a member, opened as a change script on its config.
import * as vscode from 'vscode';
import type { ServerConnection } from '../server-connection';
import { openChangeScript } from '../commands/copy-change-script';
import { deviceFileGlobs } from '../document-selector';
import { readThroughEditor, type LinkedFolders } from '../editor-files';
import type { GeneratedConfig } from './generate-group';

/** At most this many workspace files are read when looking for the members' configurations. */
const MAX_FILES = 2000;

interface Existing {
  uri: vscode.Uri;
  text: string;
  config: GeneratedConfig;
}

async function existingConfigs(configs: readonly GeneratedConfig[]): Promise<Existing[]> {
  const wanted = new Map(configs.map((c) => [c.hostname.toLowerCase(), c]));
  const found: Existing[] = [];
  const seen = new Set<string>();
  const linked: LinkedFolders = new Map();
  for (const glob of deviceFileGlobs()) {
    for (const uri of await vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_FILES)) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      // The editor's search follows links: a link out of the repository, a FIFO or a huge file is not read.
      const read = await readThroughEditor(uri, linked);
      if (read.kind !== 'text') continue;
      const text = read.text;
      const hostname = /^hostname\s+(\S+)/m.exec(text)?.[1]?.toLowerCase();
      const config = hostname ? wanted.get(hostname) : undefined;
      if (config) found.push({ uri, text, config });
    }
  }
  return found;
}

export async function offerMemberScripts(server: ServerConnection, configs: readonly GeneratedConfig[]): Promise<void> {
  const existing = await existingConfigs(configs);
  if (existing.length === 0) return;
  const chosen = await vscode.window.showQuickPick(
    existing.map((e) => ({
      label: e.config.hostname,
      description: vscode.workspace.asRelativePath(e.uri),
      detail: 'Open the change script that makes this device a member',
      picked: true,
      existing: e,
    })),
    { title: 'Change scripts for members already in the workspace', canPickMany: true, ignoreFocusOut: true },
  );
  for (const item of chosen ?? []) {
    const { uri, text, config } = item.existing;
    const result = await server.changeScript({
      uri: uri.toString(),
      baseLabel: 'workspace file',
      baseText: text,
      targetText: config.text,
      joinGroup: true,
    });
    if (!result.ok) {
      void vscode.window.showErrorMessage(`${config.hostname}: ${result.error}`);
      continue;
    }
    await openChangeScript(server, result.text, { uri, text });
  }
}
