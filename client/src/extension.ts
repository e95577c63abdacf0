// The extension's entry point in Node's extension host (package.json `main`, dist/client.js); `browser.ts` is the
// web worker host's.
import type * as vscode from 'vscode';
import { activateIn } from './activate';
import { nodeHost } from './node-host';
import type { ServerConnection } from './server-connection';

let server: ServerConnection | undefined;

export function activate(context: vscode.ExtensionContext): void {
  server = activateIn(context, nodeHost(context));
}

export async function deactivate(): Promise<void> {
  await server?.shutdown();
  server = undefined;
}
