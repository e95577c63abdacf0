// Per-code severity settings (`asaLb.diagnostics.<code>`: error|warning|information|hint|off), applied the same
// way by the language server and the CLI.
import type { Diagnostic, Severity } from '../types';
import { isKnownCode } from '../checks/codes';

export type SeveritySetting = Severity | 'off';

export type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

const VALID = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

/** Keeps only well-formed overrides for known codes; returns the problems found, for the caller to report. */
export function readSeverityOverrides(raw: unknown): {
  overrides: Record<string, SeveritySetting>;
  problems: string[];
} {
  const overrides: Record<string, SeveritySetting> = {};
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { overrides, problems };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { overrides, problems: ['diagnostics settings must be an object of code → severity'] };
  for (const [code, value] of Object.entries(raw)) {
    if (!isKnownCode(code)) problems.push(`unknown diagnostic code '${code}'`);
    else if (typeof value !== 'string' || !VALID.has(value as SeveritySetting))
      problems.push(`'${code}' must be one of error, warning, information, hint, off`);
    else overrides[code] = value as SeveritySetting;
  }
  return { overrides, problems };
}

export function applySeverityOverrides(diagnostics: readonly Diagnostic[], overrides: SeverityOverrides): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = overrides[d.code];
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}
