// Renders check results as a GitLab Code Quality report (a JSON array of issues), which merge requests show inline.
import type { Diagnostic, Severity } from '../core/types';
import { fingerprints } from './fingerprint';

export interface CodeQualityFile {
  path: string;
  text: string;
  diagnostics: Diagnostic[];
}

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

// GitLab's scale has five steps; an error stops the device from applying a line, which is "major" in its terms.
function severity(s: Severity): CodeQualityIssue['severity'] {
  return s === 'error' ? 'major' : s === 'warning' ? 'minor' : 'info';
}

export function toCodeQuality(files: readonly CodeQualityFile[]): CodeQualityIssue[] {
  return files.flatMap((file) => {
    const prints = fingerprints(file.path, file.text, file.diagnostics);
    return file.diagnostics.map((d, i) => ({
      type: 'issue' as const,
      check_name: d.code,
      description: `${d.code}: ${d.message}`,
      severity: severity(d.severity),
      fingerprint: prints[i],
      location: { path: file.path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, ''), lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
    }));
  });
}
