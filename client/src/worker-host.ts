// The web worker extension host (VS Code for the Web, code-server's web worker host): the server is the bundled
// dist/web/server.js in a web worker, which has no file system, so every folder's files are read here and handed over.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import type { ServerHost } from './server-connection';

export function workerHost(context: vscode.ExtensionContext): ServerHost {
  return {
    name: 'web worker',
    createClient(id: string, name: string, options: LanguageClientOptions) {
      const main = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
      // The worker is created when the client starts, not before, so a client that is never started costs nothing.
      return new LanguageClient(id, name, async () => new Worker(main.toString(true)), options);
    },
    readsFolder: () => false,
  };
}
