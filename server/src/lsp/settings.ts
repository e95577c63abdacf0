// The `asaLb` settings the server applies (README “Settings”): per-code severities and which files are device configs.
// They come from `workspace/configuration` when the client answers it, otherwise from the settings a client pushes
// with `workspace/didChangeConfiguration`, otherwise the defaults.
import { DEFAULT_DEVICE_GLOBS } from '../core/detect';
import { globProblem } from '../core/settings/glob';
import { readSeverityOverrides, type SeverityOverrides } from '../core/settings/severity';

export const SETTINGS_SECTION = 'asaLb';

export interface ServerSettings {
  overrides: SeverityOverrides;
  deviceFiles: readonly string[];
}

export const DEFAULT_SETTINGS: ServerSettings = { overrides: {}, deviceFiles: DEFAULT_DEVICE_GLOBS };

/**
 * Reads the `asaLb` section. Accepts the nested form editors send (`{ diagnostics: { code: severity } }`) and flat
 * `diagnostics.<code>` keys. A value of `default` (or null, or an empty string) means "the code's own severity", so that a
 * client can declare every setting without pinning severities that depend on the device (such as `lb-interface-missing`,
 * a warning that becomes an error when the device participates).
 */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw))
    return { settings: DEFAULT_SETTINGS, problems: [] };
  const section = raw as Record<string, unknown>;
  const nested = section['diagnostics'];
  const severities: Record<string, unknown> = {};
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) Object.assign(severities, nested);
  for (const [key, value] of Object.entries(section)) {
    if (key.startsWith('diagnostics.')) severities[key.slice('diagnostics.'.length)] = value;
  }
  for (const [code, value] of Object.entries(severities)) {
    if (value === null || value === undefined || value === '' || value === 'default') delete severities[code];
  }
  const { overrides, problems } = readSeverityOverrides(severities);
  let deviceFiles: readonly string[] = DEFAULT_DEVICE_GLOBS;
  const globs = section['deviceFiles'];
  if (Array.isArray(globs) && globs.every((g) => typeof g === 'string') && globs.length > 0) {
    // A refused pattern (too many wildcards, too long) is left out and named, so the others still apply.
    const usable = (globs as string[]).filter((g) => {
      const problem = globProblem(g);
      if (problem) problems.push(`deviceFiles pattern "${g.slice(0, 80)}" is ignored: ${problem}`);
      return !problem;
    });
    if (usable.length > 0) deviceFiles = usable;
  } else if (globs !== undefined && globs !== null)
    problems.push('deviceFiles must be a non-empty list of glob patterns; using the defaults');
  return { settings: { overrides, deviceFiles }, problems };
}

export function sameDeviceFiles(a: ServerSettings, b: ServerSettings): boolean {
  return a.deviceFiles.length === b.deviceFiles.length && a.deviceFiles.every((g, i) => g === b.deviceFiles[i]);
}
