// Starts the bundled language server and gives the rest of the extension typed access to its custom requests.
// Activation never waits for the server: requests wait for it instead, so a slow or missing server cannot fail activation.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  GROUP_INFO_REQUEST,
  GROUPS_CHANGED_NOTIFICATION,
  PARSE_SHOW_REQUEST,
  SIMULATE_REQUEST,
  type CustomRequest,
  type GroupInfoResult,
  type ParseShowResult,
  type SimulateResult,
} from '../../server/src/protocol';
import { deviceFileGlobs, deviceSelector } from './document-selector';
import { settingsMiddleware } from './server-settings';
import { TraceChannel } from './trace-channel';

export const CLIENT_ID = 'asaLb';
export const CLIENT_NAME = 'ASA Load Balancing';

/** The port the server's inspector listens on when the extension runs in the extension development host. */
const DEBUG_PORT = 6009;

export type ServerState = 'starting' | 'running' | 'failed' | 'stopped';

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly trace = new TraceChannel();
  private readonly groupsChangedEmitter = new vscode.EventEmitter<void>();
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private currentState: ServerState = 'stopped';
  private watchers: vscode.FileSystemWatcher[] = [];
  private disposed = false;

  /** Fired when the server re-analysed something that may change a group (`asaLb/groupsChanged`). */
  readonly onGroupsChanged = this.groupsChangedEmitter.event;
  readonly onStateChanged = this.stateEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    // The document selector depends on the device-file patterns, so a change of them needs a new client.
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('asaLb.deviceFiles')) void this.restart();
      }),
    );
  }

  get state(): ServerState {
    return this.currentState;
  }

  /** Starts the server in the background; failures are logged and reported through `state`, never thrown. */
  start(): void {
    if (this.starting) return;
    const started = performance.now();
    const client = this.createClient();
    this.client = client;
    this.setState('starting');
    this.starting = client.start().then(
      () => {
        this.setState('running');
        this.output.info(`The language server is running (ready ${Math.round(performance.now() - started)} ms after it was started).`);
        return client;
      },
      (error: unknown) => {
        this.setState('failed');
        this.output.error(`The language server did not start: ${describeError(error)}`);
        throw error;
      },
    );
    // The promise is also awaited by requests; this handler only keeps an unobserved failure from being reported twice.
    this.starting.catch(() => undefined);
  }

  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client) {
      try {
        await client.dispose();
      } catch (error) {
        this.output.warn(`Stopping the language server: ${describeError(error)}`);
      }
    }
    this.setState('stopped');
  }

  groupInfo(uri: string): Promise<GroupInfoResult> {
    return this.request(GROUP_INFO_REQUEST, { uri });
  }

  simulate(scenario: unknown): Promise<SimulateResult> {
    return this.request(SIMULATE_REQUEST, { scenario });
  }

  parseShow(text: string): Promise<ParseShowResult> {
    return this.request(PARSE_SHOW_REQUEST, { text });
  }

  dispose(): void {
    this.disposed = true;
    void this.stop();
    for (const s of this.subscriptions) s.dispose();
    for (const watcher of this.watchers) watcher.dispose();
    this.trace.dispose();
    this.groupsChangedEmitter.dispose();
    this.stateEmitter.dispose();
  }

  private async request<P, R>(request: CustomRequest<P, R>, params: P): Promise<R> {
    if (this.disposed) throw new Error('the extension is shutting down');
    if (!this.starting) this.start();
    const client = await this.starting!;
    return client.sendRequest<R>(request.method, params);
  }

  private createClient(): LanguageClient {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = deviceFileGlobs().map((glob) => vscode.workspace.createFileSystemWatcher(glob));
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: deviceSelector() as LanguageClientOptions['documentSelector'],
      synchronize: {
        configurationSection: CLIENT_ID,
        // The server learns of device files changed outside the editor (a pull, a backup job) through these.
        fileEvents: this.watchers,
      },
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      middleware: { workspace: settingsMiddleware(() => this.client) },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    // Registered before start: the client installs pending handlers when the connection comes up.
    client.onNotification(GROUPS_CHANGED_NOTIFICATION.method, () => this.groupsChangedEmitter.fire());
    return client;
  }

  private setState(state: ServerState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

/** An error's message without its data: request errors can carry parameters, and those may hold document text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
