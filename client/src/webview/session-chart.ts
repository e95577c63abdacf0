// Draws the sessions each member holds over a run as an SVG step chart, locally (no chart library, no remote code).
// Colours come from VS Code's chart colours through CSS classes, and each series also has its own dash pattern,
// so members stay apart in high-contrast themes and for readers who do not see the colours. The chart is drawn at
// the width it is shown at (one unit, one pixel), so its text keeps its size in a narrow editor split; it is
// named by the figure's caption and described in words (`chartDescription`), and its values are in a table too.
import type { SessionSeries } from '../preview/series';
import { el, svg } from './dom';

/** The width the chart is drawn at when its container's width is not known. */
export const CHART_WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 48 };
/** How many series styles the stylesheet defines (`series-0` … `series-5`); more members reuse them. */
export const SERIES_STYLES = 6;

export interface ChartInput {
  series: SessionSeries;
  /** "SSL" or "IPsec", for the axis title. */
  typeLabel: string;
  /** The drawing's width in CSS pixels: the width of its container. */
  width: number;
  /** The decision the step-through shows, highlighted as a band. */
  step: number | null;
  failedName: string | null;
}

export function sessionChart(input: ChartInput): { chart: SVGSVGElement; legend: HTMLElement } {
  const { series, width } = input;
  const steps = Math.max(1, (series.points[0]?.length ?? 1) - 1);
  const max = Math.max(1, ...series.points.flat());
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (j: number): number => MARGIN.left + (j / steps) * plotW;
  const y = (v: number): number => MARGIN.top + plotH - (v / max) * plotH;

  const chart = svg('svg', {
    className: 'chart',
    attrs: {
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: 'img',
      // Focusable, so a keyboard or screen-reader user reaches it in the page's order and hears its name and summary.
      tabindex: '0',
      'aria-labelledby': 'chart-caption',
      'aria-describedby': 'chart-description',
    },
  });

  // Grid and axes.
  const ticks = yTicks(max);
  for (const t of ticks) {
    chart.append(
      svg('line', {
        className: 'grid',
        attrs: { x1: String(MARGIN.left), x2: String(width - MARGIN.right), y1: String(y(t)), y2: String(y(t)) },
      }),
    );
    chart.append(
      svg('text', {
        className: 'tick',
        text: String(t),
        attrs: { x: String(MARGIN.left - 6), y: String(y(t) + 4), 'text-anchor': 'end' },
      }),
    );
  }
  for (const j of xTicks(steps)) {
    chart.append(
      svg('text', {
        className: 'tick',
        text: String(j),
        attrs: { x: String(x(j)), y: String(HEIGHT - MARGIN.bottom + 16), 'text-anchor': 'middle' },
      }),
    );
  }
  chart.append(
    svg('line', {
      className: 'axis',
      attrs: { x1: String(MARGIN.left), x2: String(width - MARGIN.right), y1: String(y(0)), y2: String(y(0)) },
    }),
  );
  chart.append(
    svg('line', {
      className: 'axis',
      attrs: { x1: String(MARGIN.left), x2: String(MARGIN.left), y1: String(MARGIN.top), y2: String(y(0)) },
    }),
  );
  chart.append(
    svg('text', {
      className: 'axis-title',
      text: 'decisions (new sessions and reconnects)',
      attrs: { x: String(MARGIN.left + plotW / 2), y: String(HEIGHT - 6), 'text-anchor': 'middle' },
    }),
  );
  chart.append(
    svg('text', {
      className: 'axis-title',
      text: `active ${input.typeLabel}`,
      attrs: {
        x: '12',
        y: String(MARGIN.top + plotH / 2),
        'text-anchor': 'middle',
        transform: `rotate(-90 12 ${MARGIN.top + plotH / 2})`,
      },
    }),
  );

  // The decision the step-through shows: the band between the points before and after it.
  if (input.step !== null && input.step < steps) {
    chart.append(
      svg('rect', {
        className: 'step-band',
        attrs: {
          x: String(x(input.step)),
          y: String(MARGIN.top),
          width: String(Math.max(2, x(input.step + 1) - x(input.step))),
          height: String(plotH),
        },
      }),
    );
  }

  if (series.failureAt !== null) {
    const fx = x(series.failureAt);
    chart.append(
      svg('line', {
        className: 'failure-line',
        attrs: { x1: String(fx), x2: String(fx), y1: String(MARGIN.top), y2: String(y(0)) },
      }),
    );
    chart.append(
      svg('text', {
        className: 'failure-label',
        text: input.failedName ? `${input.failedName} fails` : 'failure',
        attrs: {
          x: String(Math.min(fx + 4, width - MARGIN.right)),
          y: String(MARGIN.top + 12),
          'text-anchor': fx > width * 0.75 ? 'end' : 'start',
        },
      }),
    );
  }

  series.points.forEach((points, m) => {
    // A step line: a member's count holds until a decision changes it.
    let d = `M ${x(0)} ${y(points[0] ?? 0)}`;
    for (let j = 1; j < points.length; j++) d += ` H ${x(j)} V ${y(points[j]!)}`;
    const path = svg('path', { className: `series series-${m % SERIES_STYLES}`, attrs: { d } });
    path.append(svg('title', { text: `${series.names[m]}: ${points[points.length - 1]} at the end` }));
    chart.append(path);
  });

  const legend = el('ul', { className: 'legend' });
  series.names.forEach((name, m) => {
    const points = series.points[m]!;
    legend.append(
      el(
        'li',
        {},
        svg(
          'svg',
          { className: 'swatch', attrs: { viewBox: '0 0 24 8', 'aria-hidden': 'true' } },
          svg('line', {
            className: `series series-${m % SERIES_STYLES}`,
            attrs: { x1: '0', x2: '24', y1: '4', y2: '4' },
          }),
        ),
        el('span', { text: name }),
        el(
          'span',
          { className: 'muted' },
          ` ${points[0]} `,
          el('span', { text: '→', attrs: { 'aria-hidden': 'true' } }),
          el('span', { className: 'visually-hidden', text: 'to' }),
          ` ${points[points.length - 1]}`,
        ),
      ),
    );
  });
  return { chart, legend };
}

/**
 * The chart in words, for its description: each member's sessions at the start, at the end and at their highest,
 * the failure, and the counts after the decision the step-through shows.
 */
export function chartDescription(input: Omit<ChartInput, 'width'>): string {
  const { series } = input;
  const steps = Math.max(0, (series.points[0]?.length ?? 1) - 1);
  const total = series.points.reduce((sum, p) => sum + (p[p.length - 1] ?? 0), 0);
  const members = series.names.map((name, m) => {
    const points = series.points[m]!;
    return `${name} from ${points[0]} to ${points[points.length - 1]}, at most ${Math.max(...points)}`;
  });
  const parts = [
    `Active ${input.typeLabel} sessions per member over the run: ${members.join('; ')}; ${total} in all at the end.`,
  ];
  if (series.failureAt !== null)
    parts.push(`${input.failedName ?? 'A member'} fails before decision ${series.failureAt + 1}.`);
  if (input.step !== null && input.step < steps) {
    parts.push(
      `After decision ${input.step + 1}, the one selected below: ${series.names.map((name, m) => `${name} ${series.points[m]![input.step! + 1]}`).join(', ')}.`,
    );
  }
  parts.push('Show as table lists the counts after every decision.');
  return parts.join(' ');
}

function yTicks(max: number): number[] {
  if (max <= 4) return Array.from({ length: max + 1 }, (_, i) => i);
  const step = niceStep(max / 4);
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return ticks;
}

function xTicks(steps: number): number[] {
  if (steps <= 10) return Array.from({ length: steps + 1 }, (_, i) => i);
  const step = niceStep(steps / 8);
  const ticks: number[] = [];
  for (let t = 0; t <= steps; t += step) ticks.push(t);
  return ticks;
}

/** 1, 2, 5, 10, 20, 50 … : tick spacings people read easily. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}
