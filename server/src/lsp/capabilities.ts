// What the connected client can do, read once from `initialize`, and the server capabilities that follow from it.
// Every optional protocol feature is used only when the client declares it, so a plain client (no pull diagnostics,
// no workspace folders, no dynamic registration, no configuration requests) still gets a working server.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';

/** The code action kind of "apply every safe fix in this file". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.asa-lb`;

export interface ClientSupport {
  /** The client pulls diagnostics (`textDocument/diagnostic`); then the server answers pulls and does not push. */
  pullDiagnostics: boolean;
  /** The client accepts `workspace/diagnostic/refresh`, so pulled diagnostics of other files can be renewed. */
  diagnosticRefresh: boolean;
  /** The client accepts `workspace/codeLens/refresh`, so lenses that show a group can follow changes in other files. */
  codeLensRefresh: boolean;
  workspaceFolders: boolean;
  /** The client answers `workspace/configuration`. */
  configuration: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  workDoneProgress: boolean;
  /** Workspace edits may use versioned `documentChanges` rather than a plain `changes` map. */
  documentChanges: boolean;
  codeActionLiterals: boolean;
  prepareRename: boolean;
  hierarchicalSymbols: boolean;
  snippets: boolean;
  /** Hover contents may be markdown. */
  markdown: boolean;
  /** Completion documentation may be markdown. */
  completionMarkdown: boolean;
  /** Go-to-definition may answer with LocationLinks (origin and target ranges). */
  definitionLinks: boolean;
  /** Folding ranges may carry a kind (`region`, `comment`). */
  foldingKinds: boolean;
}

/** Lets a client choose push or pull explicitly; absent, pull is used exactly when the client supports it. */
export interface InitializationOptions {
  diagnosticMode?: 'push' | 'pull';
}

export function readClientSupport(params: InitializeParams): ClientSupport {
  const c: ClientCapabilities = params.capabilities ?? {};
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const clientPulls = c.textDocument?.diagnostic !== undefined;
  return {
    pullDiagnostics: clientPulls && options.diagnosticMode !== 'push',
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    codeLensRefresh: c.workspace?.codeLens?.refreshSupport === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
    configuration: c.workspace?.configuration === true,
    configurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDoneProgress: c.window?.workDoneProgress === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    codeActionLiterals: c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    prepareRename: c.textDocument?.rename?.prepareSupport === true,
    hierarchicalSymbols: c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdown: c.textDocument?.hover?.contentFormat?.includes('markdown') === true,
    completionMarkdown: c.textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown') === true,
    definitionLinks: c.textDocument?.definition?.linkSupport === true,
    foldingKinds: c.textDocument?.foldingRange?.foldingRangeKind !== undefined,
  };
}

export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
  if (support.codeActionLiterals) {
    capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] };
  }
  if (support.pullDiagnostics) {
    // interFileDependencies: a change in one member changes the diagnostics of the others.
    capabilities.diagnosticProvider = { identifier: 'asa-lb', interFileDependencies: true, workspaceDiagnostics: true };
  }
  if (support.workspaceFolders) {
    capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  }
  capabilities.completionProvider = { triggerCharacters: [' '], resolveProvider: false };
  capabilities.hoverProvider = true;
  capabilities.documentSymbolProvider = true;
  capabilities.workspaceSymbolProvider = true;
  capabilities.foldingRangeProvider = true;
  capabilities.definitionProvider = true;
  capabilities.referencesProvider = true;
  capabilities.renameProvider = support.prepareRename ? { prepareProvider: true } : true;
  capabilities.codeLensProvider = { resolveProvider: false };
  return capabilities;
}
