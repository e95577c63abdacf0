// Checks one device file for `asa-lb check` and reduces it to what the rest of the run needs: its own diagnostics,
// the summary the group checks read, and a few facts for the report. The text and the tree are let go at once, so a
// run over thousands of files holds only these. Runs in a worker thread or, with one job, in the main thread.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isDeviceFile, MAX_DEVICE_FILE_BYTES } from '../core/detect';
import type { DeviceSummary } from '../core/group/summary';
import type { Diagnostic } from '../core/types';
import { Workspace } from '../core/workspace';

export interface FileTask {
  /** The path as reported (as the user gave it, joined with the path inside a given folder). */
  path: string;
  /** The path relative to a given folder (or the working folder) that the device-file patterns are matched against; null to take the file without looking. */
  rel: string | null;
  /** Where to read it, when that is not `path` (a link inside the folder it was found in, followed). */
  source?: string;
  /** Why it is not read at all (a link out of its folder, not a regular file), as the report notes it. */
  skipped?: string;
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
  /** A change script judged on top of a configuration: that configuration's path (its group checks land on the script). */
  basePath: string | null;
  /** The text, kept only when asked for and the file may be reported on (fingerprints hash the reported lines). */
  text: string | null;
}

export type FileOutcome =
  { kind: 'device'; facts: FileFacts } | { kind: 'not-device' } | { kind: 'skipped'; reason: string };

const MEGABYTES = MAX_DEVICE_FILE_BYTES / (1024 * 1024);

/**
 * Reads a regular file of at most the size limit, decoded as UTF-8 with invalid sequences replaced (a stray Latin-1
 * byte never stops a check). Opened without following a final link and without blocking (a FIFO swapped in after the
 * listing still cannot hang the read), then judged by what was actually opened.
 */
export function readText(path: string): { ok: true; text: string } | { ok: false; skipped: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, skipped: code === 'ELOOP' ? 'a symbolic link' : `cannot be read (${code ?? 'unknown error'})` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, skipped: 'not a regular file' };
    if (info.size > MAX_DEVICE_FILE_BYTES) return { ok: false, skipped: `larger than ${MEGABYTES} MB` };
    // Read at most one byte past the size seen: a file growing meanwhile is cut at the limit, never read on.
    const buffer = new Uint8Array(Math.min(info.size + 1, MAX_DEVICE_FILE_BYTES + 1));
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_DEVICE_FILE_BYTES) return { ok: false, skipped: `larger than ${MEGABYTES} MB` };
    return { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, length)) };
  } catch (error) {
    return { ok: false, skipped: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  } finally {
    closeSync(fd);
  }
}

export function checkFile(task: FileTask, globs: readonly string[], keepText: boolean): FileOutcome {
  if (task.skipped) return { kind: 'skipped', reason: task.skipped };
  const read = readText(task.source ?? task.path);
  if (!read.ok) return { kind: 'skipped', reason: read.skipped };
  const text = read.text;
  if (task.rel !== null && !isDeviceFile(task.rel, text, globs)) return { kind: 'not-device' };
  return { kind: 'device', facts: analyse(task.path, text, null, keepText) };
}

/**
 * The facts of one document, through the same workspace code as the language server: alone, or (a change script)
 * after the configuration it is judged on top of.
 */
export function analyse(
  path: string,
  text: string,
  base: { path: string; text: string } | null,
  keepText: boolean,
): FileFacts {
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
    basePath: base && tree.kind === 'transcript' ? base.path : null,
    text: keepText && (summary !== null || analysis.diagnostics.length > 0) ? text : null,
  };
}
