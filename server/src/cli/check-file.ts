// Checks one device file for `asa-lb check` and reduces it to what the rest of the run needs: its own diagnostics,
// the summary the group checks read, and a few facts for the report. The text and the tree are let go at once, so a
// run over thousands of files holds only these. Runs in a worker thread or, with one job, in the main thread.
import { readFileSync } from 'node:fs';
import { isDeviceFile } from '../core/detect';
import type { DeviceSummary } from '../core/group/summary';
import type { Diagnostic } from '../core/types';
import { Workspace } from '../core/workspace';

export interface FileTask {
  /** The path as reported (as the user gave it, joined with the path inside a given folder). */
  path: string;
  /** The path relative to a given folder (or the working folder) that the device-file patterns are matched against; null to take the file without looking. */
  rel: string | null;
}

export interface FileFacts {
  path: string;
  kind: 'config' | 'transcript';
  hostname: string | null;
  /** The `hostname` of a configuration (the base a change script for that device is judged on). */
  configHostname: string | null;
  /** A change script's prompt hostname: it is judged again on top of that device's configuration, if there is one. */
  promptHostname: string | null;
  diagnostics: Diagnostic[];
  summary: DeviceSummary | null;
  /** The text, kept only when asked for and the file may be reported on (fingerprints hash the reported lines). */
  text: string | null;
}

export type FileOutcome = { kind: 'device'; facts: FileFacts } | { kind: 'not-device' } | { kind: 'unreadable'; code: string };

/** Decodes bytes as UTF-8, replacing invalid sequences, so a stray Latin-1 byte never stops a check. */
export function readText(path: string): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(path));
}

export function checkFile(task: FileTask, globs: readonly string[], keepText: boolean): FileOutcome {
  let text: string;
  try {
    text = readText(task.path);
  } catch (error) {
    return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
  }
  if (task.rel !== null && !isDeviceFile(task.rel, text, globs)) return { kind: 'not-device' };
  return { kind: 'device', facts: analyse(task.path, text, null, keepText) };
}

/**
 * The facts of one document, through the same workspace code as the language server: alone, or (a change script)
 * after the configuration it is judged on top of.
 */
export function analyse(path: string, text: string, base: { path: string; text: string } | null, keepText: boolean): FileFacts {
  // Not kept: the workspace drops the tree once the facts are taken.
  const workspace = new Workspace();
  if (base) workspace.set(base.path, base.text, { retain: false });
  workspace.set(path, text, { retain: false });
  const analysis = workspace.analysis(path)!;
  const { device, tree } = analysis;
  const summary = workspace.summary(path);
  return {
    path,
    kind: tree.kind,
    hostname: device.hostname?.value ?? device.promptHostname ?? null,
    configHostname: tree.kind === 'config' ? (device.hostname?.value ?? null) : null,
    promptHostname: tree.kind === 'transcript' ? device.promptHostname : null,
    diagnostics: analysis.diagnostics,
    summary,
    text: keepText && (summary !== null || analysis.diagnostics.length > 0) ? text : null,
  };
}
