// The web worker extension host (VS Code for the Web, code-server's web worker host): the server is the bundled
// dist/web/server.js in a web worker, which has no file system, so every folder's files are read here and handed over.
import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
  type LanguageClientOptions,
  type Message,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import type { ServerHost } from './server-connection';

export function workerHost(context: vscode.ExtensionContext): ServerHost {
  return {
    name: 'web worker',
    createClient(id: string, name: string, options: LanguageClientOptions) {
      const main = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
      // The worker is created when the client starts, not before, so a client that is never started costs nothing.
      // The transports are made here: the host replaces the global Worker with a function that returns a worker, so
      // the library's own \`instanceof Worker\` test fails on the worker it gets.
      const transports = async (): Promise<MessageTransports> => {
        const worker = await startWorker(main);
        return { reader: new BrowserMessageReader(worker), writer: new JsonMessageWriter(worker) };
      };
      return new LanguageClient(id, name, transports, options);
    },
    readsFolder: () => false,
  };
}

/**
 * Posts each message as plain JSON data. A worker's messages are structured clones, which refuse what JSON-RPC over a
 * stream would simply serialise: the settings the client sends on a configuration change are the editor's
 * configuration object, with functions, and cloning it fails where JSON drops them.
 */
class JsonMessageWriter extends BrowserMessageWriter {
  override write(message: Message): Promise<void> {
    return super.write(JSON.parse(JSON.stringify(message)) as Message);
  }
}

/**
 * Starts the server's worker from the extension's files. An extension served from a CDN (vscode.dev) gives the worker
 * its URL; an extension installed on a remote server (code-server, `vscode-remote:`) cannot ("Creating workers from
 * remote extensions is currently not supported"), so the script is read through the editor's file system, like any
 * other file of that server, and started from a same-origin blob.
 */
async function startWorker(main: vscode.Uri): Promise<Worker> {
  if (main.scheme !== 'vscode-remote') return new Worker(main.toString(true));
  // A copy: a Blob takes only bytes over a plain ArrayBuffer, and the editor's may sit on a shared one.
  const script = new Blob([(await vscode.workspace.fs.readFile(main)).slice()], { type: 'application/javascript' });
  return new Worker(URL.createObjectURL(script));
}
