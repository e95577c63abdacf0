// Starts the bundled language server and gives the rest of the extension typed access to its custom requests.
// Activation never waits for the server: requests wait for it instead, so a slow or missing server cannot fail activation.
// There is one client and one server at a time, whoever asks first: every start returns the start in progress, and a
// new start waits until the previous server has stopped.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
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
import { WorkspaceFileFeeder } from './workspace-files';
import { settingsMiddleware } from './server-settings';
import { TraceChannel } from './trace-channel';

export const CLIENT_ID = 'asaLb';
export const CLIENT_NAME = PRODUCT_NAME;

/** What differs between the extension hosts: how the bundled server is started, and which folders it reads itself. */
export interface ServerHost {
  /** The extension host, as the log names it: `Node` or `web worker`. */
  readonly name: string;
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
  /** Whether the server reads this workspace folder's files itself; the others are read here and handed over. */
  readsFolder(folder: vscode.Uri): boolean;
  /** Direct access to local (`file`) folders, where the host has it (Node); else the editor's file search and reads. */
  readonly localFiles?: LocalFiles;
}

export interface LocalFiles {
  /** A device file of a local folder, found by walking it on disk. */
  findDeviceFile(
    folder: vscode.Uri,
    globs: readonly string[],
    cancelled: () => boolean,
  ): Promise<vscode.Uri | undefined>;
  /** The first bytes of a local file as text, without reading the rest. */
  readHead(file: vscode.Uri): Promise<string>;
}

export type ServerState = 'starting' | 'running' | 'failed' | 'stopped';

export class ServerConnection implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<BaseLanguageClient> | undefined;
  private feeder: WorkspaceFileFeeder | undefined;
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
    private readonly output: vscode.LogOutputChannel,
    readonly host: ServerHost,
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
  start(reason = 'on request'): Promise<BaseLanguageClient> {
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
      this.output.info(
        `The language server is running in the ${this.host.name} extension host (ready ${Math.round(performance.now() - started)} ms after it was started).`,
      );
      if (this.client === client) {
        this.feeder = new WorkspaceFileFeeder(client, this.watchers, this.host, this.output);
        this.feeder.start();
      }
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
    this.feeder?.dispose();
    this.feeder = undefined;
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
    await client.sendNotification(SCRIPT_BASE_NOTIFICATION.method, {
      uri,
      baseUri,
      baseText,
    } satisfies ScriptBaseParams);
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

  private createClient(): BaseLanguageClient {
    for (const watcher of this.watchers) watcher.dispose();
    this.globs = deviceFileGlobs();
    this.watchers = this.globs.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
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
    const client = this.host.createClient(CLIENT_ID, CLIENT_NAME, clientOptions);
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
