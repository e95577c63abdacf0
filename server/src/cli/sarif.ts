// Renders check results as SARIF 2.1.0 (one run, rules keyed by diagnostic code) for code-scanning tools.
import type * as Sarif from 'sarif';
import { CODES } from '../core/checks/codes';
import type { Diagnostic, Range, Severity } from '../core/types';
import { README_DIAGNOSTICS_URL, TOOL_NAME, TOOL_VERSION } from '../tool-info';
import { FINGERPRINT_KEY, fingerprints } from './fingerprint';

export interface SarifFile {
  path: string;
  /** The file's text, for the fingerprints. */
  text: string;
  diagnostics: Diagnostic[];
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function uriOf(path: string): string {
  return path.replace(/\\/g, '/');
}

export function toSarif(files: SarifFile[]): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = CODES.map((c) => ({
    id: c.code,
    name: c.code,
    shortDescription: { text: c.when.replace(/`/g, "'") },
    fullDescription: { text: c.why },
    helpUri: `${README_DIAGNOSTICS_URL}#${c.code}`,
    help: {
      text: `${c.when} ${c.why}${c.fix ? ` Quick fix: ${c.fix}` : ''} See ${README_DIAGNOSTICS_URL}#${c.code}`.replace(
        /`/g,
        "'",
      ),
      markdown: `${c.when} ${c.why}${c.fix ? `\n\n**Quick fix:** ${c.fix}` : ''}\n\n[The diagnostics table](${README_DIAGNOSTICS_URL}#${c.code})`,
    },
    defaultConfiguration: { level: level(c.severity) },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  for (const file of files) {
    for (const { diagnostic: d, fingerprint } of fingerprints(file.path, file.text, file.diagnostics)) {
      const result: Sarif.Result = {
        ruleId: d.code,
        ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code)! } : {}),
        level: level(d.severity),
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file.path) }, region: region(d.range) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
      };
      if (d.related.length > 0) {
        result.relatedLocations = d.related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: uriOf(r.uri) }, region: region(r.range) },
        }));
      }
      if (d.fixes.length > 0) {
        result.fixes = d.fixes.map((f) => ({
          description: { text: f.title },
          artifactChanges: [
            {
              artifactLocation: { uri: uriOf(file.path) },
              replacements: f.edits.map((e) => ({
                deletedRegion: region(e.range),
                insertedContent: { text: e.newText },
              })),
            },
          ],
        }));
      }
      results.push(result);
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: README_DIAGNOSTICS_URL.split('#')[0],
            rules,
          },
        },
        results,
      },
    ],
  };
}
