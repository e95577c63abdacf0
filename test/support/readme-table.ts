// Renders the README's diagnostics table from the code table, so documentation and behaviour cannot drift.
import { CODES } from '../../server/src/core/checks/codes';

export const TABLE_START =
  '<!-- diagnostics-table:start (generated from server/src/core/checks/codes.ts; refresh with UPDATE_GOLDEN=1 npm test) -->';
export const TABLE_END = '<!-- diagnostics-table:end -->';

export function diagnosticsTable(): string {
  const rows = CODES.map((c) => {
    const severity = c.severityNote ? `${c.severity} (${c.severityNote})` : c.severity;
    const cell = (text: string): string => text.replace(/\|/g, '\\|');
    return `| <a id="${c.code}"></a>\`${c.code}\` | ${severity} | ${c.scope} | ${cell(c.when)} ${cell(c.why)} | ${cell(c.fix) || '—'} |`;
  });
  return [
    '| Code | Default severity | Scope | When, and why it matters | Quick fix |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
