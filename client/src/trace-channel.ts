// The output channel for the language-server trace: document text replaced by its length and secrets redacted from
// every line, and its level driven by the `asaLb.trace.server` setting, so that `off`, `messages` and `verbose`
// mean what they say.
import * as vscode from 'vscode';
import { TRACE_CHANNEL_NAME } from './product';
import { traceSafe } from './redact';

/**
 * vscode-languageclient 11 traces only while its trace channel's log level is Trace, then reads `asaLb.trace.server`
 * for messages or verbose. This channel reports Trace exactly when the setting is not `off`, and writes through a
 * plain output channel, because a log channel would drop trace lines at the default Info level.
 */
export class TraceChannel implements vscode.LogOutputChannel {
  readonly name = TRACE_CHANNEL_NAME;
  private readonly channel = vscode.window.createOutputChannel(TRACE_CHANNEL_NAME);
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeLogLevel = this.levelChanged.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('asaLb.trace.server')) this.levelChanged.fire(this.logLevel);
    });
  }

  get logLevel(): vscode.LogLevel {
    const setting = vscode.workspace.getConfiguration('asaLb').get<string>('trace.server', 'off');
    return setting === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
  }

  trace(message: string): void {
    this.line('trace', message);
  }

  debug(message: string): void {
    this.line('debug', message);
  }

  info(message: string): void {
    this.line('info', message);
  }

  warn(message: string): void {
    this.line('warning', message);
  }

  error(error: string | Error): void {
    this.line('error', typeof error === 'string' ? error : error.message);
  }

  append(value: string): void {
    this.channel.append(traceSafe(value));
  }

  appendLine(value: string): void {
    this.channel.appendLine(traceSafe(value));
  }

  replace(value: string): void {
    this.channel.replace(traceSafe(value));
  }

  clear(): void {
    this.channel.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.channel.show(columnOrPreserveFocus);
    else this.channel.show(preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.subscription.dispose();
    this.levelChanged.dispose();
    this.channel.dispose();
  }

  private line(level: string, message: string): void {
    this.channel.appendLine(`${new Date().toISOString()} [${level}] ${traceSafe(message)}`);
  }
}
