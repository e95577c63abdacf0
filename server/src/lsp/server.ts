// Serves one connection, whichever host made it (Node: `node.ts`; a web worker: `worker.ts`): builds one session on
// `initialize`, and registers one guarded handler per LSP method. Only `server/src/lsp/` knows about LSP.
import {
  DidChangeConfigurationNotification,
  type CancellationToken,
  type Connection,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver';
import {
  CHANGE_SCRIPT_REQUEST,
  GROUP_INFO_REQUEST,
  PARSE_SHOW_REQUEST,
  SCRIPT_BASE_NOTIFICATION,
  SIMULATE_REQUEST,
  WORKSPACE_FILES_NOTIFICATION,
  type CustomRequest,
  type ScriptBaseParams,
} from '../protocol';
import { TOOL_NAME, TOOL_VERSION } from '../tool-info';
import { serverCapabilities } from './capabilities';
import { changeScriptRequest, scriptBaseNotification } from './change-script';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { completion } from './completion';
import { definitionOf } from './definition';
import { documentSymbolsOf } from './document-symbols';
import { foldingRangesOf } from './folding-ranges';
import { groupInfoRequest } from './group-info';
import { isInside } from './folders';
import { FAIL, guard, guardNotification, type Logger } from './guard';
import { hoverAt } from './hover';
import { parseShowRequest } from './parse-show';
import { documentDiagnostics, workspaceDiagnostics } from './pull-diagnostics';
import { referencesOf } from './references';
import { prepareRenameAt, renameAt } from './rename';
import { Session } from './session';
import { sameDeviceFiles } from './settings';
import { simulateRequest } from './simulate';
import { keyPath } from './uris';
import { registerWatchers, watchedFilesChanged } from './watched-files';
import { workspaceFilesChanged } from './workspace-files';
import { workspaceSymbolsFor } from './workspace-symbols';

export function serve(connection: Connection): Connection {
  let session: Session | null = null;

  connection.onInitialize((params): InitializeResult => {
    const s = new Session(connection, params);
    session = s;
    s.sources.listen(connection);
    register(connection, s);
    return { capabilities: serverCapabilities(s.support), serverInfo: { name: TOOL_NAME, version: TOOL_VERSION } };
  });

  connection.onShutdown(() => session?.dispose());
  connection.listen();
  return connection;
}

function register(connection: Connection, session: Session): void {
  const { log } = session;
  let watcherRegistration: Disposable | null = null;

  // Subscribed after `initialize` has answered, when the library knows the notification is statically registered
  // (subscribing earlier makes it send a dynamic registration, which a client may not support).
  const watchFolders = (): void => {
    if (!session.support.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders(
      guardNotification(log, 'workspace/didChangeWorkspaceFolders', (event) => {
        const { added, removed } = session.folders.change(event.added, event.removed);
        for (const folder of removed) {
          for (const key of session.sources.diskKeys()) {
            const path = keyPath(key);
            if (path && isInside(path, folder.path)) session.sources.removeFromDisk(key);
          }
        }
        if (added.length > 0) session.indexer.start(added);
      }),
    );
  };

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      watchFolders();
      if (session.support.configurationRegistration) {
        await connection.client
          .register(DidChangeConfigurationNotification.type, { section: 'asaLb' })
          .catch(() => undefined);
      }
      await session.reloadSettings();
      watcherRegistration = await registerWatchers(session, null).catch(() => null);
      session.startIndexing();
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', async (params) => {
      const before = session.settings();
      await session.reloadSettings(params?.settings);
      if (!sameDeviceFiles(before, session.settings()))
        watcherRegistration = await registerWatchers(session, watcherRegistration).catch(() => null);
    }),
  );

  // Watched-file events are handled one batch at a time, so a create and a quick delete of one file stay in order.
  let watched: Promise<void> = Promise.resolve();
  const onWatched = guardNotification(
    log,
    'workspace/didChangeWatchedFiles',
    (params: Parameters<typeof watchedFilesChanged>[1]) => watchedFilesChanged(session, params),
  );
  connection.onDidChangeWatchedFiles((params) => {
    watched = watched.then(() => onWatched(params));
  });

  // Files the extension read through the editor, for folders this server cannot read itself (a web worker, or a
  // virtual workspace); queued behind the watched-file events, so that both arrive in order.
  const onFiles = guardNotification(
    log,
    WORKSPACE_FILES_NOTIFICATION.method,
    (params: Parameters<typeof workspaceFilesChanged>[1]) => workspaceFilesChanged(session, params),
  );
  connection.onNotification(
    WORKSPACE_FILES_NOTIFICATION.method,
    (params: Parameters<typeof workspaceFilesChanged>[1]) => {
      watched = watched.then(() => onFiles(params));
    },
  );

  connection.onCodeAction(guard(log, 'textDocument/codeAction', [], (params) => codeActions(session, params)));
  connection.onCodeLens(guard(log, 'textDocument/codeLens', [], (params) => codeLenses(session, params)));
  connection.onCompletion(
    guard(log, 'textDocument/completion', { isIncomplete: false, items: [] }, (params) => completion(session, params)),
  );
  connection.onHover(guard(log, 'textDocument/hover', null, (params) => hoverAt(session, params)));
  connection.onDocumentSymbol(
    guard(log, 'textDocument/documentSymbol', [], (params) => documentSymbolsOf(session, params)),
  );
  connection.onWorkspaceSymbol(
    guard(log, 'workspace/symbol', [], (params, token) => workspaceSymbolsFor(session, params, token)),
  );
  connection.onFoldingRanges(guard(log, 'textDocument/foldingRange', [], (params) => foldingRangesOf(session, params)));
  connection.onDefinition(guard(log, 'textDocument/definition', [], (params) => definitionOf(session, params)));
  connection.onReferences(guard(log, 'textDocument/references', [], (params) => referencesOf(session, params)));
  connection.onPrepareRename(
    guard(log, 'textDocument/prepareRename', null, (params) => prepareRenameAt(session, params)),
  );
  connection.onRenameRequest(guard(log, 'textDocument/rename', null, (params) => renameAt(session, params)));

  if (session.support.pullDiagnostics) {
    connection.languages.diagnostics.on(
      guard(log, 'textDocument/diagnostic', { kind: 'full', items: [] }, (params) =>
        documentDiagnostics(session, params),
      ),
    );
    connection.languages.diagnostics.onWorkspace(
      guard(log, 'workspace/diagnostic', { items: [] }, (params, token) =>
        workspaceDiagnostics(session, params, token),
      ),
    );
  }

  onCustomRequest(connection, log, GROUP_INFO_REQUEST, (params) => groupInfoRequest(session, params));
  onCustomRequest(connection, log, SIMULATE_REQUEST, (params) => simulateRequest(params));
  onCustomRequest(connection, log, PARSE_SHOW_REQUEST, (params) => parseShowRequest(params));
  onCustomRequest(connection, log, CHANGE_SCRIPT_REQUEST, (params) => changeScriptRequest(params));
  connection.onNotification(
    SCRIPT_BASE_NOTIFICATION.method,
    guardNotification(log, SCRIPT_BASE_NOTIFICATION.method, (params: ScriptBaseParams) =>
      scriptBaseNotification(session, params),
    ),
  );
}

/** Handles one of the protocol's custom requests, guarded like every other method. */
function onCustomRequest<P, R>(
  connection: Connection,
  log: Logger,
  request: CustomRequest<P, R>,
  handler: (params: P) => R | Promise<R>,
): void {
  const guarded = guard<P, R>(log, request.method, FAIL, (params) => handler(params));
  connection.onRequest(request.method, async (params: P, token: CancellationToken): Promise<unknown> =>
    guarded(params, token),
  );
}
