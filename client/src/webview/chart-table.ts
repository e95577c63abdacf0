// The sessions chart as a table: each member's active sessions at the start and after every decision, with where
// each decision placed its session. The chart's values for readers who cannot see it, or want the numbers.
import type { SimulatedDecision } from '../../../server/src/protocol';
import type { SessionSeries } from '../preview/series';
import { el } from './dom';

export interface ChartTableInput {
  series: SessionSeries;
  decisions: readonly SimulatedDecision[];
  /** "SSL" or "IPsec". */
  typeLabel: string;
  failedName: string | null;
}

export function chartTable(input: ChartTableInput): HTMLElement[] {
  const { series, decisions } = input;
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { text: 'Decision', attrs: { scope: 'col' } }),
      el('th', { text: 'Placed on', attrs: { scope: 'col' } }),
      ...series.names.map((name) => el('th', { className: 'num', text: name, attrs: { scope: 'col' } })),
    ),
  );
  const body = el('tbody');
  const failure = input.failedName ?? 'a member';
  const points = series.points[0]?.length ?? 0;
  for (let j = 0; j < points; j++) {
    const decision = decisions[j - 1];
    let label: string;
    let placed: string;
    if (j === 0) {
      label = 'Start';
      placed = '—';
    } else if (decision) {
      label = `#${j}${series.failureAt === j - 1 ? `, after ${failure} fails` : ''}`;
      placed = `${decision.target ?? 'refused'}${decision.reconnect ? ' (reconnect)' : ''}`;
    } else {
      // The failure came after the last decision: one more row shows the drop.
      label = `After the last decision, ${failure} fails`;
      placed = '—';
    }
    body.append(
      el(
        'tr',
        {},
        el('th', { text: label, attrs: { scope: 'row' } }),
        el('td', { text: placed }),
        ...series.points.map((p) => el('td', { className: 'num', text: String(p[j]) })),
      ),
    );
  }
  return [
    el('caption', {
      attrs: { id: 'chart-table-caption' },
      className: 'table-caption',
      text: `Active ${input.typeLabel} sessions of each member after each decision`,
    }),
    head,
    body,
  ];
}
