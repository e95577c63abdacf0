// The extension's entry point in a web worker extension host (package.json `browser`, dist/web/client.js): VS Code
// for the Web, github.dev, code-server's web worker host. No Node API is reachable from here (test/lsp/web-build.test.ts).
import type * as vscode from 'vscode';
import { activateIn } from './activate';
import type { ServerConnection } from './server-connection';
import { workerHost } from './worker-host';

let server: ServerConnection | undefined;

export function activate(context: vscode.ExtensionContext): void {
  server = activateIn(context, workerHost(context));
}

export async function deactivate(): Promise<void> {
  await server?.shutdown();
  server = undefined;
}
