// The Node extension host: the server is the bundled dist/server.js in a child process over node IPC, and reads the
// local (`file`) folders itself; looking for a first device config walks local folders on disk.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { readHead } from './file-head';
import { findDeviceFile } from './find-device-file';
import type { ServerHost } from './server-connection';

/** The port the server's inspector listens on when the extension runs in the extension development host. */
const DEBUG_PORT = 6009;

export function nodeHost(context: vscode.ExtensionContext): ServerHost {
  return {
    name: 'Node',
    createClient(id: string, name: string, options: LanguageClientOptions) {
      const module = context.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
      };
      return new LanguageClient(id, name, serverOptions, options);
    },
    readsFolder: (folder) => folder.scheme === 'file',
    localFiles: {
      async findDeviceFile(folder, globs, cancelled) {
        const path = await findDeviceFile(folder.fsPath, globs, { cancelled });
        return path === undefined ? undefined : vscode.Uri.joinPath(folder, path);
      },
      readHead: (file) => readHead(file.fsPath),
    },
  };
}
