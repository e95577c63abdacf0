// Activation, the same in both extension hosts: registers the commands and the preview serializer synchronously, then
// starts the language server in the background once a device config is in sight (or a command needs it), so activation
// succeeds however slow (or absent) the server is, and costs little in the many folders of .txt and .cfg files that
// hold none. The host decides only how the server is started (`extension.ts` for Node, `browser.ts` for a web worker).
import * as vscode from 'vscode';
import {
  COPY_CHANGE_SCRIPT_COMMAND,
  IMPORT_SHOW_OUTPUT_COMMAND,
  NEW_GROUP_COMMAND,
  SHOW_REDIRECT_PREVIEW_COMMAND,
} from '../../server/src/protocol';
import { registerLanguageAdoption } from './adopt-language';
import { AutoStart } from './auto-start';
import { runNewGroupFlow } from './authoring/new-group-flow';
import { copyChangeScript } from './commands/copy-change-script';
import { importShowOutput } from './commands/import-show-output';
import { PREVIEW_VIEW_TYPE } from './preview/messages';
import { RedirectPreview } from './preview/preview-panel';
import { CLIENT_NAME, ServerConnection, type ServerHost } from './server-connection';
import { GroupStatusBar } from './status-bar';

export function activateIn(context: vscode.ExtensionContext, host: ServerHost): ServerConnection {
  const started = performance.now();
  // The output channel logs the extension's own events and the server's log messages; never file contents or keys.
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const server = new ServerConnection(output, host);
  const preview = new RedirectPreview(context, server, output);
  context.subscriptions.push(
    output,
    server,
    preview,
    vscode.commands.registerCommand(SHOW_REDIRECT_PREVIEW_COMMAND, (target?: unknown) => preview.show(target)),
    vscode.commands.registerCommand(NEW_GROUP_COMMAND, () => runNewGroupFlow(server)),
    vscode.commands.registerCommand(IMPORT_SHOW_OUTPUT_COMMAND, () => importShowOutput(preview)),
    vscode.commands.registerCommand(COPY_CHANGE_SCRIPT_COMMAND, () => copyChangeScript(server)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, preview),
    new GroupStatusBar(server, output),
    registerLanguageAdoption(),
  );
  const autoStart = new AutoStart(server, output);
  context.subscriptions.push(autoStart);
  autoStart.run();
  output.info(`Activated in the ${host.name} extension host in ${Math.round(performance.now() - started)} ms.`);
  return server;
}
