// `asa-lb check`: analyses the given device files as one workspace and prints diagnostics as text, JSON or SARIF.
import { readFile } from 'node:fs/promises';
import { Workspace, type GroupSummary } from '../core/workspace';
import { applySeverityOverrides, readSeverityOverrides, type SeverityOverrides } from '../core/settings/severity';
import { DEFAULT_DEVICE_GLOBS } from '../core/detect';
import type { Diagnostic } from '../core/types';
import { collectFiles } from './files';
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

async function readSettings(path: string | undefined): Promise<{ ok: true; settings: Settings } | { ok: false; error: string }> {
  if (!path) return { ok: true, settings: { overrides: {}, globs: DEFAULT_DEVICE_GLOBS } };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
    return { ok: false, error: `--config ${path}: ${reason}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: `--config ${path}: must hold a JSON object` };
  const record = raw as Record<string, unknown>;
  // Accept VS Code's flat settings keys as well as a nested object, so one file can serve both.
  const nested = (record['asaLb'] as Record<string, unknown> | undefined) ?? {};
  const diagnostics: Record<string, unknown> = { ...((nested['diagnostics'] as object | undefined) ?? {}), ...((record['diagnostics'] as object | undefined) ?? {}) };
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('asaLb.diagnostics.')) diagnostics[key.slice('asaLb.diagnostics.'.length)] = value;
  }
  const { overrides, problems } = readSeverityOverrides(diagnostics);
  if (problems.length > 0) return { ok: false, error: `--config ${path}: ${problems[0]}` };
  const globs = record['asaLb.deviceFiles'] ?? nested['deviceFiles'] ?? record['deviceFiles'];
  if (globs !== undefined && (!Array.isArray(globs) || !globs.every((g) => typeof g === 'string'))) return { ok: false, error: `--config ${path}: deviceFiles must be a list of glob patterns` };
  return { ok: true, settings: { overrides, globs: (globs as string[] | undefined) ?? DEFAULT_DEVICE_GLOBS } };
}

export async function runCheck(paths: string[], options: CheckOptions): Promise<CommandResult> {
  if (!['text', 'json', 'sarif', 'codequality'].includes(options.format)) return badInput(`unknown format "${options.format}" (use text, json, sarif or codequality)`);
  if (paths.length === 0) return badInput('check needs at least one file or folder');
  const settingsResult = await readSettings(options.config);
  if (!settingsResult.ok) return badInput(settingsResult.error);
  const { overrides, globs } = settingsResult.settings;
  const collected = await collectFiles(paths, globs, { onlyDeviceFiles: options.onlyDeviceFiles ?? false });
  if (!collected.ok) return badInput(collected.error);

  const workspace = new Workspace();
  for (const file of collected.files) workspace.set(file.path, file.text);
  const reports: FileReport[] = collected.files.map((file) => {
    const result = workspace.result(file.path)!;
    const device = result.analysis.device;
    return {
      path: file.path,
      text: file.text,
      hostname: device.hostname?.value ?? device.promptHostname ?? null,
      kind: result.analysis.tree.kind,
      diagnostics: applySeverityOverrides(result.diagnostics, overrides),
    };
  });
  const groups = workspace.groups();
  const hasError = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  const stderr = collected.notes.map((n) => `${n}\n`).join('');
  const stdout =
    options.format === 'json'
      ? `${JSON.stringify(toJson(reports, groups), null, 2)}\n`
      : options.format === 'sarif'
        ? `${JSON.stringify(toSarif(reports), null, 2)}\n`
        : options.format === 'codequality'
          ? `${JSON.stringify(toCodeQuality(reports), null, 2)}\n`
          : toText(reports, groups);
  return { stdout, stderr, exitCode: hasError ? 1 : 0 };
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
      members: g.members.map((m) => ({ path: m.uri, hostname: m.hostname, publicIp: m.publicIp, priority: m.priority, participates: m.participates })),
      predictedDirector: g.predictedDirector,
    })),
  };
}

function toText(reports: FileReport[], groups: GroupSummary[]): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    for (const d of report.diagnostics) {
      counts[d.severity]++;
      out.push(`${report.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  if (out.length > 0) out.push('');
  for (const group of groups) {
    const director = group.members.find((m) => m.uri === group.predictedDirector);
    out.push(`group ${group.clusterIp}: ${group.members.length} member${group.members.length === 1 ? '' : 's'}`);
    for (const m of group.members) {
      const role = m.uri === group.predictedDirector ? 'predicted director' : m.participates ? 'member' : 'not participating';
      out.push(`  ${m.hostname ?? '(no hostname)'}  ${m.publicIp ?? '(no public address)'}  priority ${m.priority}${m.priorityConfigured ? '' : ' (default, assumed)'}  ${role}  ${m.uri}`);
    }
    if (director) {
      const why = group.electionRule === 'lowest-ip' ? 'highest priority shared; lowest public address wins, the product\'s reading of "lower IP address"' : 'highest priority';
      out.push(`  predicted director: ${director.hostname ?? director.uri} (${why})`);
    } else {
      out.push('  predicted director: none (no member participates)');
    }
  }
  if (groups.length === 0) out.push('no load-balancing groups found');
  out.push(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
  return `${out.join('\n')}\n`;
}
