// `asa-lb check`: analyses the given device files as one workspace and prints diagnostics as text, JSON, SARIF or
// GitLab Code Quality. Files are checked one at a time (over worker threads) and reduced to their diagnostics and group
// summary; the groups are checked at the end.
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sortDiagnostics, type GroupSummary } from '../core/workspace';
import { formGroups } from '../core/group/groups';
import { applySeverityOverrides, readSeverityOverrides, type SeverityOverrides } from '../core/settings/severity';
import { DEFAULT_DEVICE_GLOBS } from '../core/detect';
import { globProblem } from '../core/settings/glob';
import type { Diagnostic } from '../core/types';
import { analyse, readText, type FileFacts } from './check-file';
import { checkFiles, jobsWorthStarting } from './check-pool';
import { listFiles } from './file-list';
import { toSarif } from './sarif';
import { toCodeQuality } from './codequality';
import { badInput, type CommandResult } from './command-result';

export type CheckFormat = 'text' | 'json' | 'sarif' | 'codequality';

export interface CheckOptions {
  format: CheckFormat;
  /** A JSON settings file: `{ "asaLb.diagnostics.<code>": "off", "asaLb.deviceFiles": [...] }` or the nested form. */
  config?: string;
  /** Skip named files that are not device files, and accept finding none (for pre-commit hooks). */
  onlyDeviceFiles?: boolean;
  /** Worker threads to check files on (default: one per core); 1 checks them in this thread. */
  jobs?: number;
  /** Where the report goes as it is made; without it, the report is returned as `stdout`. */
  write?: (chunk: string) => void;
}

interface FileReport {
  path: string;
  text: string;
  hostname: string | null;
  kind: 'config' | 'transcript';
  diagnostics: Diagnostic[];
}

interface Settings {
  overrides: SeverityOverrides;
  globs: readonly string[];
}

async function readSettings(
  path: string | undefined,
): Promise<{ ok: true; settings: Settings } | { ok: false; error: string }> {
  if (!path) return { ok: true, settings: { overrides: {}, globs: DEFAULT_DEVICE_GLOBS } };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? `not valid JSON (${error.message})`
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
    return { ok: false, error: `--config ${path}: ${reason}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: `--config ${path}: must hold a JSON object` };
  const record = raw as Record<string, unknown>;
  // Accept VS Code's flat settings keys as well as a nested object, so one file can serve both.
  const nested = (record['asaLb'] as Record<string, unknown> | undefined) ?? {};
  const diagnostics: Record<string, unknown> = {
    ...((nested['diagnostics'] as object | undefined) ?? {}),
    ...((record['diagnostics'] as object | undefined) ?? {}),
  };
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('asaLb.diagnostics.')) diagnostics[key.slice('asaLb.diagnostics.'.length)] = value;
  }
  const { overrides, problems } = readSeverityOverrides(diagnostics);
  if (problems.length > 0) return { ok: false, error: `--config ${path}: ${problems[0]}` };
  const globs = record['asaLb.deviceFiles'] ?? nested['deviceFiles'] ?? record['deviceFiles'];
  if (globs !== undefined && (!Array.isArray(globs) || !globs.every((g) => typeof g === 'string')))
    return { ok: false, error: `--config ${path}: deviceFiles must be a list of glob patterns` };
  for (const glob of (globs as string[] | undefined) ?? []) {
    const problem = globProblem(glob);
    if (problem)
      return {
        ok: false,
        error: `--config ${path}: deviceFiles pattern "${glob.slice(0, 80)}" is refused: ${problem}`,
      };
  }
  return { ok: true, settings: { overrides, globs: (globs as string[] | undefined) ?? DEFAULT_DEVICE_GLOBS } };
}

/** A listed device file's text, read again (through a link it was listed by, which is inside its folder); throws when it cannot be. */
function readAgain(path: string): string {
  const read = readText(realpathSync(path));
  if (!read.ok) throw new Error(read.skipped);
  return read.text;
}

export async function runCheck(paths: string[], options: CheckOptions): Promise<CommandResult> {
  if (!['text', 'json', 'sarif', 'codequality'].includes(options.format))
    return badInput(`unknown format "${options.format}" (use text, json, sarif or codequality)`);
  if (paths.length === 0) return badInput('check needs at least one file or folder');
  if (options.jobs !== undefined && (!Number.isInteger(options.jobs) || options.jobs < 1))
    return badInput('--jobs must be a whole number of at least 1');
  const settingsResult = await readSettings(options.config);
  if (!settingsResult.ok) return badInput(settingsResult.error);
  const { overrides, globs } = settingsResult.settings;
  const onlyDeviceFiles = options.onlyDeviceFiles ?? false;
  const list = await listFiles(paths, onlyDeviceFiles, globs);

  // Text is written as it goes once no later input can turn the run into bad input (which prints no report): from
  // a device file of the last path given, all paths before it being fine; and only up to the first file whose
  // diagnostics wait for the end (a group member's group checks, a change script's device config).
  const write = options.write;
  const streaming = options.format === 'text' && write !== undefined && list.error === null && list.given.length > 0;
  const last = list.given[list.given.length - 1];
  let safe = false;
  let written = 0;
  let heldBack = false;
  const text = new TextReport();

  const facts: (FileFacts | null)[] = new Array<FileFacts | null>(list.tasks.length).fill(null);
  // What was skipped (a link out of its folder, a FIFO, a file over the size limit) is named on stderr, in order.
  const notes: string[] = [];
  const keepText = options.format === 'sarif' || options.format === 'codequality';
  // Few files are checked in this thread: a worker's own start would cost more than it saves.
  const jobs = options.jobs ?? jobsWorthStarting(list.tasks);
  await checkFiles(list.tasks, { globs, keepText, jobs }, (outcome, index) => {
    if (outcome.kind === 'skipped') {
      notes.push(`${list.tasks[index]!.path}: skipped, ${outcome.reason}`);
      return;
    }
    if (outcome.kind === 'not-device') return;
    facts[index] = outcome.facts;
    if (!streaming || heldBack) return;
    // Outcomes come in order, so every path before the last one is settled here.
    safe ||=
      index >= last!.first &&
      list.given.slice(0, -1).every((g) => !g.folder || onlyDeviceFiles || facts.slice(g.first, g.end).some(Boolean));
    if (!safe) return;
    for (; written <= index; written++) {
      const file = facts[written];
      if (!file) continue;
      if (file.summary?.clusterIp || file.promptHostname) {
        heldBack = true;
        return;
      }
      write!(text.file(file.path, applySeverityOverrides(file.diagnostics, overrides)));
    }
  });

  // Bad input is judged in the order the paths were given, as if they were read one after the other.
  for (const g of list.given) {
    if (g.folder && !onlyDeviceFiles && notes.length === 0 && !facts.slice(g.first, g.end).some(Boolean))
      return badInput(
        `${g.given}: no device configs found (looked for ${globs.join(', ')} that look like ASA configs)`,
      );
  }
  if (list.error) return badInput(list.error);
  if (notes.length > 0 && !onlyDeviceFiles && !facts.some(Boolean))
    return badInput(`no device configs to check: ${notes.join('; ')}`);

  // The same path given twice is one device of the workspace (and listed twice).
  const devices = new Map<string, FileFacts>();
  for (const f of facts) if (f && !devices.has(f.path)) devices.set(f.path, f);
  await judgeTranscriptsOnBase(devices, keepText);
  // A change script judged on its device's configuration stands in for it in its group, as in the language server.
  const scriptBases = new Map(
    [...devices.values()].flatMap((f) => (f.basePath ? [[f.path, f.basePath] as const] : [])),
  );
  const formed = formGroups(
    [...devices.values()].flatMap((f) => (f.summary ? [f.summary] : [])),
    new Map(),
    scriptBases,
  );
  const reports: FileReport[] = facts.flatMap((f) => {
    if (!f) return [];
    const own = devices.get(f.path)!;
    const group = formed.diagnostics.get(f.path);
    const diagnostics = applySeverityOverrides(
      group ? sortDiagnostics([...own.diagnostics, ...group]) : own.diagnostics,
      overrides,
    );
    return [{ path: f.path, text: own.text ?? '', hostname: own.hostname, kind: own.kind, diagnostics }];
  });
  const hasError = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  const stderr = notes.map((n) => `${n}\n`).join('');
  let stdout: string;
  if (options.format === 'json') stdout = `${JSON.stringify(toJson(reports, formed.groups), null, 2)}\n`;
  else if (options.format === 'sarif') stdout = `${JSON.stringify(toSarif(reports), null, 2)}\n`;
  else if (options.format === 'codequality') stdout = `${JSON.stringify(toCodeQuality(reports), null, 2)}\n`;
  else {
    // The files written already are not written again.
    const writtenFiles = facts.slice(0, written).filter(Boolean).length;
    stdout =
      reports
        .slice(writtenFiles)
        .map((r) => text.file(r.path, r.diagnostics))
        .join('') + text.end(reports.length, formed.groups);
  }
  if (write) {
    write(stdout);
    stdout = '';
  }
  return { stdout, stderr, exitCode: hasError ? 1 : 0 };
}

/**
 * A change script is judged on top of the configuration of the same device (the first config with its prompt's
 * hostname), as the language server does: those few are checked again here, with that config read once more.
 */
async function judgeTranscriptsOnBase(devices: Map<string, FileFacts>, keepText: boolean): Promise<void> {
  for (const facts of devices.values()) {
    if (facts.kind !== 'transcript' || !facts.promptHostname) continue;
    const base = [...devices.values()].find(
      (other) => other !== facts && other.kind === 'config' && other.configHostname === facts.promptHostname,
    );
    if (!base) continue;
    try {
      devices.set(
        facts.path,
        analyse(facts.path, readAgain(facts.path), { path: base.path, text: readAgain(base.path) }, keepText),
      );
    } catch {
      // Gone since it was read: it keeps the result it had on its own.
    }
  }
}

function toJson(reports: FileReport[], groups: GroupSummary[]): object {
  return {
    files: reports.map((r) => ({
      path: r.path,
      hostname: r.hostname,
      kind: r.kind,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        range: d.range,
        related: d.related.map((rel) => ({ path: rel.uri, range: rel.range, message: rel.message })),
      })),
    })),
    groups: groups.map((g) => ({
      clusterIp: g.clusterIp,
      members: g.members.map((m) => ({
        path: m.uri,
        hostname: m.hostname,
        publicIp: m.publicIp,
        priority: m.priority,
        participates: m.participates,
      })),
      predictedDirector: g.predictedDirector,
    })),
  };
}

/** The text report, a file at a time: each diagnostic on a line of its own, then the groups and the counts. */
class TextReport {
  private readonly counts = { error: 0, warning: 0, information: 0, hint: 0 };
  private any = false;

  file(path: string, diagnostics: readonly Diagnostic[]): string {
    let out = '';
    for (const d of diagnostics) {
      this.counts[d.severity]++;
      this.any = true;
      out += `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`;
    }
    return out;
  }

  end(files: number, groups: readonly GroupSummary[]): string {
    const out: string[] = [];
    if (this.any) out.push('');
    for (const group of groups) {
      const director = group.members.find((m) => m.uri === group.predictedDirector);
      out.push(`group ${group.clusterIp}: ${group.members.length} member${group.members.length === 1 ? '' : 's'}`);
      for (const m of group.members) {
        const role =
          m.uri === group.predictedDirector
            ? 'predicted director'
            : m.split.length > 0
              ? `split off (${m.split.join('; ')})`
              : m.participates
                ? 'member'
                : 'not participating';
        out.push(
          `  ${m.hostname ?? '(no hostname)'}  ${m.publicIp ?? '(no public address)'}  priority ${m.priority}${m.priorityConfigured ? '' : ' (default, assumed)'}  ${role}  ${m.uri}`,
        );
      }
      if (director) {
        const why =
          group.electionRule === 'lowest-ip'
            ? 'highest priority shared; lowest public address wins, the product\'s reading of "lower IP address"'
            : 'highest priority';
        out.push(`  predicted director: ${director.hostname ?? director.uri} (${why})`);
      } else {
        out.push('  predicted director: none (no member participates)');
      }
    }
    if (groups.length === 0) out.push('no load-balancing groups found');
    const { counts } = this;
    out.push(
      `${files} file${files === 1 ? '' : 's'} checked: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}`,
    );
    return `${out.join('\n')}\n`;
  }
}
