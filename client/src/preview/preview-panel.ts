// The host side of the redirect preview: one webview panel that follows a device file, feeds the page the file's
// group from the server, runs the page's scenarios through `asaLb/simulate` and `asaLb/parseShow`, and survives a
// reload through its serializer. The page never computes a decision itself.
import * as vscode from 'vscode';
import type { GroupInfoResult, ParseShowResult, SimulateResult } from '../../../server/src/protocol';
import { isDeviceDocument } from '../document-selector';
import { PRODUCT_NAME } from '../product';
import { describeError, type ServerConnection } from '../server-connection';
import {
  importMatchedNothingText,
  isPageMessage,
  persistedUri,
  PREVIEW_VIEW_TYPE,
  type HostMessage,
  type PageMessage,
} from './messages';
import { createNonce, previewHtml } from './preview-html';

export const DEFAULT_SESSION_LIMIT = 250;

export class RedirectPreview implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private uri: string | undefined;
  private info: GroupInfoResult | null = null;
  /** False from a new HTML load until the page says `ready`; messages wait in `queue` meanwhile. */
  private pageReady = false;
  private queue: HostMessage[] = [];
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: ServerConnection,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      server.onGroupsChanged(() => void this.sendGroup()),
      server.onStateChanged(() => void this.sendGroup()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('asaLb.preview')) void this.sendGroup();
      }),
    ];
  }

  /** Opens (or reveals) the preview on `target` (a uri from a code lens or menu), else on the active device file. */
  async show(target?: unknown): Promise<void> {
    const uri = uriOf(target) ?? activeDeviceUri() ?? this.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(
        'Open a device configuration first: the redirect preview shows the group of that file.',
      );
      return;
    }
    if (this.panel) this.panel.reveal(undefined, true);
    else
      this.attach(
        vscode.window.createWebviewPanel(
          PREVIEW_VIEW_TYPE,
          'Redirect Preview',
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          this.webviewOptions(),
        ),
      );
    this.follow(uri);
  }

  /** True when a preview is open, so a command can send it data without asking which group. */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Sends `show vpn load-balancing` text to the page, parsed by the server. */
  async importShow(text: string, source: string): Promise<void> {
    let result: ParseShowResult;
    try {
      result = await this.server.parseShow(text);
    } catch (error) {
      result = { ok: false, error: `The language server could not parse it: ${describeError(error)}` };
    }
    this.post({ type: 'showImported', source, result });
  }

  focusImport(): void {
    this.post({ type: 'focusImport' });
  }

  /** Restores a preview after a reload, on the document its page had saved in its state. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel) {
      // A second restored panel would compete with the first; only one preview is kept.
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    const uri = persistedUri(state);
    if (uri) this.follow(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.panel?.dispose();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      // The page loads its script from dist/ and its stylesheet from client/media/, and nothing else.
      localResourceRoots: [
        vscode.Uri.joinPath(this.context.extensionUri, 'dist'),
        vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media'),
      ],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.pageReady = false;
    const webview = panel.webview;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview
        .asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media', 'preview.css'))
        .toString(),
    });
    this.panelSubscriptions = [
      webview.onDidReceiveMessage((message: unknown) => {
        if (isPageMessage(message)) void this.handle(message);
      }),
      panel.onDidDispose(() => {
        for (const s of this.panelSubscriptions) s.dispose();
        this.panelSubscriptions = [];
        this.panel = undefined;
        this.pageReady = false;
        this.queue = [];
      }),
    ];
  }

  private follow(uri: string): void {
    this.uri = uri;
    if (this.panel) this.panel.title = `Redirect Preview: ${labelOf(uri)}`;
    void this.sendGroup();
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        for (const queued of this.queue.splice(0)) void this.panel?.webview.postMessage(queued);
        await this.sendGroup();
        return;
      case 'simulate': {
        let result: SimulateResult;
        try {
          result = await this.server.simulate(message.scenario);
        } catch (error) {
          result = { ok: false, error: `The language server could not run the scenario: ${describeError(error)}` };
        }
        this.post({ type: 'simulated', id: message.id, result });
        return;
      }
      case 'parseShow': {
        let result: ParseShowResult;
        try {
          result = await this.server.parseShow(message.text);
        } catch (error) {
          result = { ok: false, error: `The language server could not parse it: ${describeError(error)}` };
        }
        this.post({ type: 'parsedShow', id: message.id, result });
        return;
      }
      case 'importMatchedNothing':
        // Config and capture text in a notification: brackets could read as a link, so they are shown as parentheses.
        void vscode.window.showWarningMessage(
          importMatchedNothingText(message).replace(/\[/g, '(').replace(/\]/g, ')'),
        );
        return;
      case 'openMember': {
        // Only documents of the group on show: the page's content comes from configs, so its requests are checked.
        const members = this.info?.inGroup ? this.info.group.members.map((m) => m.uri) : [];
        if (!members.includes(message.uri)) return;
        await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), {
          viewColumn: vscode.ViewColumn.One,
          preview: true,
        });
        return;
      }
    }
  }

  private async sendGroup(): Promise<void> {
    const uri = this.uri;
    if (!this.panel || !uri) return;
    const generation = ++this.generation;
    const defaultSessionLimit = vscode.workspace
      .getConfiguration('asaLb', vscode.Uri.parse(uri))
      .get<number>('preview.defaultSessionLimit', DEFAULT_SESSION_LIMIT);
    const base = { type: 'group' as const, uri, label: labelOf(uri), defaultSessionLimit };
    if (this.server.state === 'failed') {
      this.post({
        ...base,
        info: null,
        error: `The language server is not running; see the "${PRODUCT_NAME}" output.`,
      });
      return;
    }
    if (this.server.state !== 'running') this.post({ ...base, info: null, error: 'Waiting for the language server…' });
    try {
      const info = await this.server.groupInfo(uri);
      if (generation !== this.generation) return;
      this.info = info;
      this.post({ ...base, info });
    } catch (error) {
      if (generation !== this.generation) return;
      this.output.warn(`Group information for the preview: ${describeError(error)}`);
      this.post({ ...base, info: null, error: `The language server did not answer: ${describeError(error)}` });
    }
  }

  private post(message: HostMessage): void {
    if (!this.panel) return;
    if (!this.pageReady) {
      // Only the latest group matters; other messages keep their order.
      if (message.type === 'group') this.queue = this.queue.filter((m) => m.type !== 'group');
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }
}

/** A uri from a command argument: a `vscode.Uri` (menus) or a string (the server's code lens). */
function uriOf(target: unknown): string | undefined {
  if (target instanceof vscode.Uri) return target.toString();
  if (typeof target === 'string' && target !== '') return vscode.Uri.parse(target).toString();
  return undefined;
}

function activeDeviceUri(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isDeviceDocument(document) ? document.uri.toString() : undefined;
}

/** The file name of a uri, for titles. */
export function labelOf(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1) || uri;
}
