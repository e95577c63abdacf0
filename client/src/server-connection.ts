// Starts the bundled language server and gives the rest of the extension typed access to its custom requests.
// Activation never waits for the server: requests wait for it instead, so a slow or missing server cannot fail activation.
// There is one client and one server at a time, whoever asks first: every start returns the start in progress, and a
// new start waits until the previous server has stopped.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CHANGE_SCRIPT_REQUEST,
  SCRIPT_BASE_NOTIFICATION,
  type ChangeScriptParams,
  type ChangeScriptResult,
  type ScriptBaseParams,
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
import { PRODUCT_NAME } from './product';
import { settingsMiddleware } from './server-settings';
import { TraceChannel } from './trace-channel';

export const CLIENT_ID = 'asaLb';
export const CLIENT_NAME = PRODUCT_NAME;

/** The port the server's inspector listens on when the extension runs in the extension development host. */
const DEBUG_PORT = 6009;

export type ServerState = 'starting' | 'running' | 'failed' | 'stopped';

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  /** The stop of the previous client, which a new start waits for, so that two servers never run side by side. */
  private stopping: Promise<void> = Promise.resolve();
  /** The device-file patterns the current client was started with. */
  private globs: string[] = [];
  /** How many servers this extension host has started, for the log (a second one in a session means a restart). */
  private starts = 0;
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
    // The document selector depends on the device-file patterns, so a change of them needs a new client. VS Code also
    // reports the extension's own settings as changed when it registers them; a restart then would be for nothing.
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('asaLb.deviceFiles') || !this.starting) return;
        if (JSON.stringify(deviceFileGlobs()) !== JSON.stringify(this.globs)) void this.restart();
      }),
    );
  }

  get state(): ServerState {
    return this.currentState;
  }

  /** True once something asked for the server (and it was not stopped since): it is starting, running or failed. */
  get started(): boolean {
    return this.starting !== undefined;
  }

  /**
   * Starts the server unless it is already starting or running, and resolves when it runs. Failures are logged and
   * reported through `state`; the returned promise rejects with them, and nobody needs to handle it.
   */
  start(reason = 'on request'): Promise<LanguageClient> {
    if (this.disposed) return Promise.reject(new Error('the extension is shutting down'));
    if (this.starting) return this.starting;
    const client = this.createClient();
    this.client = client;
    const number = ++this.starts;
    const previousStop = this.stopping;
    // Assigned before anything can fire an event: a listener of the state change below that asks the server
    // something must find this start, not begin a second one.
    this.starting = (async () => {
      await previousStop;
      const started = performance.now();
      this.output.info(`Starting the language server (${reason}; start ${number} in this window).`);
      try {
        await client.start();
      } catch (error) {
        if (this.client === client) this.setState('failed');
        this.output.error(`The language server did not start: ${describeError(error)}`);
        throw error;
      }
      if (this.client === client) this.setState('running');
      this.output.info(`The language server is running (ready ${Math.round(performance.now() - started)} ms after it was started).`);
      return client;
    })();
    // The promise is also awaited by requests; this handler only keeps an unobserved failure from being reported twice.
    this.starting.catch(() => undefined);
    this.setState('starting');
    return this.starting;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start('the device-file patterns changed').catch(() => undefined);
  }

  /** Stops the server, after its start has finished (a client cannot be stopped while it starts). */
  async stop(): Promise<void> {
    const client = this.client;
    const starting = this.starting;
    this.client = undefined;
    this.starting = undefined;
    if (client) {
      this.stopping = (async () => {
        await starting?.catch(() => undefined);
        try {
          await client.dispose();
        } catch (error) {
          this.output.warn(`Stopping the language server: ${describeError(error)}`);
        }
      })();
    }
    this.setState('stopped');
    await this.stopping;
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

  changeScript(params: ChangeScriptParams): Promise<ChangeScriptResult> {
    return this.request(CHANGE_SCRIPT_REQUEST, params);
  }

  /** Tells the server which configuration the change-script document `uri` starts from. */
  async setScriptBase(uri: string, baseUri: string, baseText: string): Promise<void> {
    if (this.disposed) return;
    if (!this.starting) this.start();
    const client = await this.starting!;
    await client.sendNotification(SCRIPT_BASE_NOTIFICATION.method, { uri, baseUri, baseText } satisfies ScriptBaseParams);
  }

  /** Stops the server for good: no event fires meanwhile, so no listener can ask for (and start) another. */
  async shutdown(): Promise<void> {
    this.disposed = true;
    await this.stop();
  }

  dispose(): void {
    void this.shutdown();
    for (const s of this.subscriptions) s.dispose();
    for (const watcher of this.watchers) watcher.dispose();
    this.trace.dispose();
    this.groupsChangedEmitter.dispose();
    this.stateEmitter.dispose();
  }

  private async request<P, R>(request: CustomRequest<P, R>, params: P): Promise<R> {
    const client = await this.start();
    return client.sendRequest<R>(request.method, params);
  }

  private createClient(): LanguageClient {
    for (const watcher of this.watchers) watcher.dispose();
    this.globs = deviceFileGlobs();
    this.watchers = this.globs.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
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
    if (state === this.currentState || this.disposed) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

/** An error's message without its data: request errors can carry parameters, and those may hold document text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
