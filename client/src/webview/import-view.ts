// Reports what an import of `show vpn load-balancing` output did: which members it filled, which peers belong to
// no member, whether limits were in the output, and the parser's warnings.
import type { ParseShowResult } from '../../../server/src/protocol';
import type { ImportReport } from '../preview/import-show';
import { el } from './dom';

/** `nothingText`: the sentence for a capture that matched no member (the same as the notice at the top). */
export function importReport(
  source: string,
  result: ParseShowResult,
  report: ImportReport | null,
  nothingText: string | null = null,
): HTMLElement[] {
  if (!result.ok) return [el('p', { className: 'error', text: `Nothing imported from ${source}: ${result.error}` })];
  const lines: HTMLElement[] = [];
  if (!report || report.matched.length === 0) {
    lines.push(
      el('p', {
        className: 'error',
        text:
          nothingText ??
          `Nothing imported from ${source}: no peer in it has the public address of a member of this group.`,
      }),
    );
  } else {
    lines.push(
      el('p', {
        text: `Imported from ${source}: ${report.matched.map((m) => `${m.name} (${m.publicIp})`).join(', ')}.`,
      }),
    );
    lines.push(el('p', { className: 'muted', text: limitsText(report) }));
    if (report.director)
      lines.push(
        el('p', {
          className: 'muted',
          text: `The output marks ${report.director} as director; it is now the current director.`,
        }),
      );
  }
  if (report && report.unmatched.length > 0)
    lines.push(el('p', { className: 'muted', text: `Not members of this group: ${report.unmatched.join(', ')}.` }));
  for (const warning of result.warnings) lines.push(el('p', { className: 'muted', text: `Note: ${warning}` }));
  return lines;
}

/** Where the limits came from: the output, or the printed loads where the configured limit would not reproduce them. */
function limitsText(report: ImportReport): string {
  if (report.limitsKnown) return 'Session limits came from the output.';
  if (report.derived.length === 0)
    return 'This output has no session limits (older layout); the limits shown give the loads it prints, so they were kept.';
  const set = report.derived
    .map((d) => `${d.name} ${d.type === 'ssl' ? 'SSL' : 'IPsec'} ${d.limit} (for ${d.load} %)`)
    .join(', ');
  return `This output has no session limits (older layout), so limits were set that give the loads it prints: ${set}. Each member starts at the capture's load; edit a limit if you know the real one.`;
}
