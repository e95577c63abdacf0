// A small LSP client for the tests: starts the bundled server as a child process, talks to it over stdio with
// vscode-languageserver-protocol, plays the editor's part (configuration, registrations, progress) and lets a test
// wait on the notifications it expects instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { bundle } from '../support/bundles';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The bundles as `npm run build` makes them, built from the current sources for the tests (test/support/bundles.ts). */
export const SERVER = bundle('server');
export const CLI = bundle('cli');

/** How long a test waits for an expected message before failing; generous, as CI machines are slow. */
export const WAIT_MS = 30_000;

/** What VS Code declares, less pull diagnostics: push diagnostics, folders, configuration, dynamic registration. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    codeLens: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
  },
};

/** The same editor, pulling diagnostics instead of receiving them. */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...EDITOR_CAPABILITIES,
  workspace: { ...EDITOR_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: {
    ...EDITOR_CAPABILITIES.textDocument,
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
  },
};

export interface StartOptions {
  /** The command line after `node`; defaults to the bundled server on stdio. */
  args?: string[];
  /** Talk over node IPC instead of stdio, as the VS Code extension does (the args should say `--node-ipc`). */
  ipc?: boolean;
  capabilities?: ClientCapabilities;
  /** A folder given as rootUri and (unless `noFolders`) as the one workspace folder. */
  folder?: string;
  /** Send neither rootUri nor workspace folders, as a client opening loose files does. */
  noFolders?: boolean;
  /** The `asaLb` section answered to `workspace/configuration`. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Hold the answer to `window/workDoneProgress/create` until `releaseProgress()`, to keep indexing waiting. */
  holdProgress?: boolean;
}

interface StarHandlers {
  onNotification(handler: (method: string, params: unknown) => void): void;
  onRequest(handler: (method: string, params: unknown) => unknown): void;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Copies a fixture folder of test/fixtures/lsp to a fresh temporary folder, so a test may change its files. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `asa-lb-lsp-${name}-`));
  cpSync(join(ROOT, 'test', 'fixtures', 'lsp', name), dir, { recursive: true });
  return dir;
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Applies LSP text edits to a text (UTF-16 positions, as JavaScript strings count). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: Range['start']): number => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

export class TestClient {
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  /** Methods of the requests the server sent to this client, in order. */
  readonly serverRequests: string[] = [];
  readonly progress: unknown[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  groupsChanged = 0;
  /** When the last didChange left this client (after its own copy of the text was updated), for benchmarks. */
  lastChangeSentAt = 0;
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly messageWaiters: Waiter<{ method: string; params: unknown }>[] = [];
  private readonly documents = new Map<string, { text: string; version: number }>();
  private releaseHeldProgress: (() => void) | null = null;
  /** Resolves when the server has asked to create a work-done progress (indexing is about to start). */
  readonly progressCreated: Promise<void>;
  private markProgressCreated!: () => void;
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    private readonly options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.progressCreated = new Promise((resolve) => (this.markProgressCreated = resolve));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts the server and completes `initialize` / `initialized`. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, options.args ?? [SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])],
    });
    child.stderr!.setEncoding('utf8');
    const connection = options.ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (chunk: string) => client.logs.push(`stderr: ${chunk}`));
    client.listen();
    connection.listen();
    const capabilities = options.capabilities ?? EDITOR_CAPABILITIES;
    const folderUri = options.folder && !options.noFolders ? fileUri(options.folder) : null;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      capabilities,
      ...(folderUri && capabilities.workspace?.workspaceFolders
        ? { workspaceFolders: [{ uri: folderUri, name: 'fixture' }] }
        : {}),
      ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const { connection } = this;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.latest.set(params.uri, params);
      this.settle(this.diagnosticWaiters, params);
    });
    const seen = (method: string, params: unknown): void => this.settle(this.messageWaiters, { method, params });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      seen('window/logMessage', params);
    });
    connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
      seen('$/progress', params);
    });
    connection.onNotification('asaLb/groupsChanged', (params: unknown) => {
      this.groupsChanged++;
      seen('asaLb/groupsChanged', params);
    });
    // The protocol connection is a JSON-RPC connection, whose handler without a method receives every other message.
    const star = connection as unknown as StarHandlers;
    star.onNotification((method, params) => seen(method, params));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.serverRequests.push('workspace/configuration');
      return params.items.map((item) => (item.section === 'asaLb' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.serverRequests.push('client/registerCapability');
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => {
      this.serverRequests.push('client/unregisterCapability');
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', async () => {
      this.serverRequests.push('window/workDoneProgress/create');
      this.markProgressCreated();
      if (this.options.holdProgress) await new Promise<void>((resolve) => (this.releaseHeldProgress = resolve));
      return null;
    });
    star.onRequest((method) => {
      this.serverRequests.push(method);
      this.settle(this.messageWaiters, { method, params: null });
      return null;
    });
  }

  private settle<T>(waiters: Waiter<T>[], value: T): void {
    for (const waiter of [...waiters]) {
      if (!waiter.test(value)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(value);
    }
  }

  private wait<T>(waiters: Waiter<T>[], test: (value: T) => boolean, what: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what()}`));
      }, WAIT_MS);
      const waiter: Waiter<T> = {
        test,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      waiters.push(waiter);
    });
  }

  /**
   * The diagnostics of `uri` once they satisfy `test`: the last ones published if they already do, else the next
   * publication that does.
   */
  async diagnostics(uri: string, test: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const last = this.latest.get(uri);
    if (last && test(last.diagnostics)) return last.diagnostics;
    return this.nextDiagnostics(uri, test);
  }

  /** The next publication for `uri` (after this call) that satisfies `test`. */
  async nextDiagnostics(uri: string, test: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const params = await this.wait(
      this.diagnosticWaiters,
      (p) => p.uri === uri && test(p.diagnostics),
      () =>
        `diagnostics of ${uri} (last published: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map((d) => d.code) ?? null)})`,
    );
    return params.diagnostics;
  }

  /** The next publication for `uri` that belongs to document version `version`. */
  async publication(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.wait(
      this.diagnosticWaiters,
      (p) => p.uri === uri && p.version === version,
      () => `diagnostics of ${uri} version ${version}`,
    );
  }

  /**
   * The diagnostics published for version `version` of an open document, whether they came already or are still to
   * come. A document's diagnostics may be published again for a later version only, never skipped for the last.
   */
  async diagnosticsOfVersion(uri: string, version: number): Promise<Diagnostic[]> {
    const last = this.latest.get(uri);
    if (last?.version === version) return last.diagnostics;
    return (await this.publication(uri, version)).diagnostics;
  }

  /** Waits for a notification or server request with this method (and, optionally, these params). */
  waitForMessage(method: string, test: (params: unknown) => boolean = () => true): Promise<unknown> {
    return this.wait(
      this.messageWaiters,
      (m) => m.method === method && test(m.params),
      () => `a '${method}' message`,
    ).then((m) => m.params);
  }

  /** Resolves when a work-done progress ends (indexing has finished). */
  indexingDone(): Promise<unknown> {
    const ended = (p: unknown): boolean => (p as { value?: { kind?: string } }).value?.kind === 'end';
    if (this.progress.some(ended)) return Promise.resolve();
    return this.waitForMessage('$/progress', ended);
  }

  releaseProgress(): void {
    this.releaseHeldProgress?.();
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    // An absent token must not be passed at all: JSON-RPC would send it as a second, positional parameter.
    return (
      token ? this.connection.sendRequest(method, params, token.token) : this.connection.sendRequest(method, params)
    ) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(uri: string, text: string, languageId = 'asa'): Promise<void> {
    this.documents.set(uri, { text, version: 1 });
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  text(uri: string): string {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc.text;
  }

  version(uri: string): number {
    return this.documents.get(uri)?.version ?? 0;
  }

  /** Applies edits to the open document and sends them as incremental changes, as an editor does. */
  async edit(uri: string, edits: readonly TextEdit[]): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    doc.text = applyEdits(doc.text, edits);
    doc.version++;
    // Later edits first, so each change's range is still valid when the server applies it.
    const changes = [...edits]
      .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
      .map((e) => ({ range: e.range, text: e.newText }));
    this.lastChangeSentAt = performance.now();
    await this.notify('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: changes,
    });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Shuts the server down politely, then makes sure the process is gone. Returns its exit code. */
  async stop(): Promise<number | null> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), WAIT_MS);
    try {
      if (this.child.exitCode === null) {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      }
      return await this.exited;
    } catch {
      this.child.kill('SIGKILL');
      return await this.exited;
    } finally {
      clearTimeout(timer);
      this.connection.dispose();
    }
  }
}
