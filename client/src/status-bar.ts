// The status-bar item for the active device file: its group and predicted role, or why it is in no group.
// Refreshed when the active editor changes, when the server reports changed groups, and when the server starts.
import * as vscode from 'vscode';
import { SHOW_REDIRECT_PREVIEW_COMMAND } from '../../server/src/protocol';
import { isDeviceDocument } from './document-selector';
import { describeGroupStatus, failedStatus, waitingStatus, type StatusView } from './group-status';
import { PRODUCT_NAME } from './product';
import { describeError, type ServerConnection } from './server-connection';

export class GroupStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('asaLb.groupStatus', vscode.StatusBarAlignment.Left, 0);
  private readonly subscriptions: vscode.Disposable[];
  /** Counts refreshes, so that an answer that arrives after a newer request is dropped. */
  private generation = 0;

  constructor(
    private readonly server: ServerConnection,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.item.name = PRODUCT_NAME;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      server.onGroupsChanged(() => void this.refresh()),
      server.onStateChanged(() => void this.refresh()),
    ];
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    // Before the server starts (no device config in sight yet) a text file gets no item, and asking would start it.
    if (!document || !isDeviceDocument(document) || !this.server.started) {
      this.item.hide();
      return;
    }
    const uri = document.uri.toString();
    // Any .txt or .cfg file matches the device patterns. One that is not in the `asa` language gets an item only
    // once the server puts it in a group: waiting, failing or "no group" would be noise on every text file.
    const asa = document.languageId === 'asa';
    const showUnlessPlainText = (view: StatusView): void => (asa ? this.show(view, uri) : this.item.hide());
    if (this.server.state === 'failed') {
      showUnlessPlainText(failedStatus());
      return;
    }
    if (this.server.state !== 'running') showUnlessPlainText(waitingStatus());
    try {
      const info = await this.server.groupInfo(uri);
      if (generation !== this.generation) return;
      if (info.inGroup) this.show(describeGroupStatus(info), uri);
      else showUnlessPlainText(describeGroupStatus(info));
    } catch (error) {
      if (generation !== this.generation) return;
      this.output.warn(`Group information for the status bar: ${describeError(error)}`);
      showUnlessPlainText(failedStatus());
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }

  private show(view: StatusView, uri: string): void {
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = { command: SHOW_REDIRECT_PREVIEW_COMMAND, title: 'Show Redirect Preview', arguments: [uri] };
    this.item.show();
  }
}
