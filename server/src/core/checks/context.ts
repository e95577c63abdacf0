// What a single-device check sees: the tree, the device model, and a way to report diagnostics with fixes.
// Checks never build edits from raw offsets: they use the helpers here, which know indentation and transcript prompts.
import type { Diagnostic, Fix, Range, RelatedLocation, Severity } from '../types';
import type { DeviceModel, InterfaceModel } from '../model/device';
import type { SyntaxTree } from '../syntax/tree';
import type { Replay } from '../script/replay';
import { codeInfo, type DiagnosticCode } from './codes';

export interface ReportOptions {
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export interface DeviceContext {
  uri: string;
  tree: SyntaxTree;
  device: DeviceModel;
  /** For a transcript: the configuration of the same device found in the workspace, or null when unknown. */
  base: DeviceModel | null;
  /** For a transcript: the script replayed in order (on `base` when known); `device` is then its result. */
  replay?: Replay;
  report(code: DiagnosticCode, range: Range, message: string, options?: ReportOptions): void;
}

export function createContext(
  uri: string,
  tree: SyntaxTree,
  device: DeviceModel,
  base: DeviceModel | null,
  out: Diagnostic[],
): DeviceContext {
  return {
    uri,
    tree,
    device,
    base,
    report(code, range, message, options = {}) {
      out.push({
        code,
        severity: options.severity ?? codeInfo(code).severity,
        message,
        range,
        related: options.related ?? [],
        fixes: options.fixes ?? [],
      });
    },
  };
}

/** The text to put before a new line of the load-balancing block: its indentation, or a prompt in a transcript. */
export function lbLinePrefix(ctx: DeviceContext): string {
  const { tree, device } = ctx;
  if (tree.kind === 'transcript') return `${hostnameForPrompt(ctx)}(config-load-balancing)# `;
  const first = device.lb?.lines.map((i) => tree.line(i)).find((l) => l.kind === 'command');
  if (first) return first.text.slice(0, first.commandStart);
  return ' ';
}

/** The text to put before a new global command. */
export function globalLinePrefix(ctx: DeviceContext): string {
  return ctx.tree.kind === 'transcript' ? `${hostnameForPrompt(ctx)}(config)# ` : '';
}

function hostnameForPrompt(ctx: DeviceContext): string {
  return ctx.device.promptHostname ?? ctx.device.hostname?.value ?? 'asa';
}

/** Every interface with a nameif, in file order. */
export function namedInterfaces(device: DeviceModel): InterfaceModel[] {
  return device.interfaces.filter((i) => i.nameif !== null);
}

export function interfaceByNameif(device: DeviceModel, nameif: string): InterfaceModel | undefined {
  return device.interfaces.find((i) => i.nameif?.value === nameif);
}

/** A location in this document, for related information. */
export function here(ctx: DeviceContext, range: Range, message: string): RelatedLocation {
  return { uri: ctx.uri, range, message };
}

export function lineNumber(index: number): number {
  return index + 1;
}

/**
 * The line after which a missing load-balancing command is inserted: after the header, or after the last line
 * that removes the same command (`no …`), since a later `no` line would undo the insertion.
 */
export function lbInsertAfter(ctx: DeviceContext, commandId: string): number {
  const lb = ctx.device.lb!;
  let after = lb.headerLine ?? Math.max((lb.lines[0] ?? 1) - 1, 0);
  for (const occurrence of lb.occurrences) {
    if (occurrence.command.id === commandId && occurrence.command.negated) after = Math.max(after, occurrence.line);
  }
  return after;
}
