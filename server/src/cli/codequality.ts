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
    return fingerprints(file.path, file.text, file.diagnostics).map(({ diagnostic: d, fingerprint }) => ({
      type: 'issue' as const,
      check_name: d.code,
      description: `${d.code}: ${d.message}`,
      severity: severity(d.severity),
      fingerprint,
      location: {
        path: file.path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, ''),
        lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 },
      },
    }));
  });
}
