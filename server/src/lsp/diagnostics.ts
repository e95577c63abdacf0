// Turns the core's diagnostics into LSP diagnostics: severity after the user's overrides, the code with a link to
// its README entry, `source: "asa-lb"`, related locations in the client's URIs, and `data` for the quick fixes.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { SeverityOverrides } from '../core/settings/severity';
import type { Diagnostic, Severity } from '../core/types';
import { README_DIAGNOSTICS_URL, TOOL_NAME } from '../tool-info';
import type { UriMap } from './uris';

export const DIAGNOSTIC_SOURCE = TOOL_NAME;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a code action needs to find the diagnostic's fixes again: the document version the diagnostic was computed
 * for and its index among the core's diagnostics of that version. The fixes themselves stay in the server, which
 * recomputes nothing to find them (the analysis is cached) and never ships edit text the client did not ask for.
 */
export interface DiagnosticData {
  version: number | null;
  index: number;
  fixes: number;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const v = value as Partial<DiagnosticData> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.index === 'number' &&
    (typeof v.version === 'number' || v.version === null)
  );
}

export function codeHref(code: string): string {
  return `${README_DIAGNOSTICS_URL}#${code}`;
}

/** The LSP diagnostics of one document, with overrides applied ("off" drops a diagnostic). */
export function toLspDiagnostics(
  diagnostics: readonly Diagnostic[],
  overrides: SeverityOverrides,
  version: number | null,
  uris: UriMap,
): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  diagnostics.forEach((d, index) => {
    const setting = overrides[d.code];
    if (setting === 'off') return;
    const data: DiagnosticData = { version, index, fixes: d.fixes.length };
    out.push({
      range: d.range,
      severity: SEVERITY[setting ?? d.severity],
      code: d.code,
      codeDescription: { href: codeHref(d.code) },
      source: DIAGNOSTIC_SOURCE,
      message: d.message,
      relatedInformation: d.related.map((r) => ({
        location: { uri: uris.toClient(r.uri), range: r.range },
        message: r.message,
      })),
      data,
    });
  });
  return out;
}
