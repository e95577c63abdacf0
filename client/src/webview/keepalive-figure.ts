// Draws the keepalive timeline (from the server's events) as an SVG figure, with an ordered list of the
// same events beside it for keyboard and screen-reader users. Drawn at the width it is shown at, so its text keeps
// its size in a narrow editor split.
import type { KeepaliveEvent } from '../../../server/src/core/sim/keepalive';
import { el, svg } from './dom';

const HEIGHT = 110;
const MARGIN = { left: 32, right: 32 };
const AXIS_Y = 70;
/** Names above the axis go up in rows of this height, at most this many rows. */
const ROW = 14;
const MAX_ROWS = 4;
/** A generous width of one character of a name (bold, 12 px), to keep names apart without measuring them. */
const CHAR_WIDTH = 7.5;

/** The short name shown above each marker; the full sentence is its tooltip and list entry. */
function shortLabel(event: KeepaliveEvent): string {
  switch (event.kind) {
    case 'keepalive-answered':
      return 'answered';
    case 'keepalive-unanswered':
      return 'no answer';
    case 'retry':
      return `retry ${event.attempt ?? ''}`.trim();
    case 'director-gone':
      return 'director gone';
    case 'election':
      return 'election';
  }
}

export function keepaliveFigure(
  events: readonly KeepaliveEvent[],
  width: number,
): { figure: SVGSVGElement; list: HTMLElement[] } {
  const times = events.map((e) => e.t);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(1, max - min);
  const x = (t: number): number => MARGIN.left + ((t - min) / span) * (width - MARGIN.left - MARGIN.right);

  const figure = svg('svg', {
    className: 'keepalive',
    attrs: {
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: 'img',
      'aria-label': `Keepalive timeline from ${min} to ${max} seconds: ${events.map((e) => `${e.t} s ${shortLabel(e)}`).join(', ')}.`,
    },
  });
  figure.append(
    svg('line', {
      className: 'axis',
      attrs: { x1: String(x(min)), x2: String(x(max)), y1: String(AXIS_Y), y2: String(AXIS_Y) },
    }),
  );
  // The silent window between the unanswered keepalive and the director being declared gone.
  const silentStart = events.find((e) => e.kind === 'keepalive-unanswered')?.t;
  const silentEnd = events.find((e) => e.kind === 'director-gone')?.t;
  if (silentStart !== undefined && silentEnd !== undefined) {
    figure.append(
      svg('rect', {
        className: 'silent-window',
        attrs: {
          x: String(x(silentStart)),
          y: String(AXIS_Y - 6),
          width: String(x(silentEnd) - x(silentStart)),
          height: '12',
        },
      }),
    );
  }

  const labelled = new Set<number>();
  /** The names already placed in each row above the axis, as [left, right] extents, so no two names overlap. */
  const rows: [number, number][][] = [];
  events.forEach((event, i) => {
    const cx = x(event.t);
    const group = svg('g', { className: `ka ka-${event.kind}` });
    group.append(svg('title', { text: `t = ${event.t} s: ${event.label}` }));
    if (event.kind === 'director-gone') {
      group.append(
        svg('line', {
          className: 'ka-mark',
          attrs: { x1: String(cx), x2: String(cx), y1: String(AXIS_Y - 50), y2: String(AXIS_Y + 12) },
        }),
      );
    } else if (event.kind === 'election') {
      group.append(
        svg('path', {
          className: 'ka-mark',
          attrs: { d: `M ${cx} ${AXIS_Y - 9} L ${cx + 9} ${AXIS_Y} L ${cx} ${AXIS_Y + 9} L ${cx - 9} ${AXIS_Y} Z` },
        }),
      );
    } else {
      group.append(
        svg('circle', {
          className: 'ka-mark',
          attrs: { cx: String(cx), cy: String(AXIS_Y), r: event.kind === 'keepalive-answered' ? '5' : '7' },
        }),
      );
    }
    // Answered keepalives come a second apart, too close to name each: only the first is named, and timed.
    const earlier = events.slice(0, i);
    const repeat = event.kind === 'keepalive-answered' && earlier.some((e) => e.kind === event.kind);
    if (!repeat) {
      // The first names start at their marker; the last ones end just left of it, clear of the director-gone line.
      const text = shortLabel(event);
      const anchor =
        event.kind === 'keepalive-answered' || event.kind === 'keepalive-unanswered' ? 'start' : anchorFor(cx, width);
      const lx = anchor === 'end' ? cx - 10 : cx;
      const extent = labelExtent(lx, text, anchor);
      // The director-gone and election names start a row higher than the retries, clear of the last retry's name;
      // any name that would overlap one already placed goes up a row (a narrow split crowds them).
      let row = event.kind === 'director-gone' || event.kind === 'election' ? 1 : 0;
      while (row < MAX_ROWS - 1 && (rows[row] ?? []).some(([a, b]) => extent[0] < b && a < extent[1])) row++;
      (rows[row] ??= []).push(extent);
      group.append(
        svg('text', {
          className: 'ka-label',
          text,
          attrs: { x: String(lx), y: String(AXIS_Y - 16 - row * ROW), 'text-anchor': anchor },
        }),
      );
    }
    if (!repeat && !labelled.has(event.t)) {
      labelled.add(event.t);
      group.append(
        svg('text', {
          className: 'tick',
          text: `${event.t} s`,
          attrs: { x: String(cx), y: String(AXIS_Y + 26), 'text-anchor': 'middle' },
        }),
      );
    }
    figure.append(group);
  });

  const list = events.map((event) =>
    el('li', {}, el('span', { className: 'ka-time', text: `t = ${event.t} s` }), ` ${event.label}`),
  );
  return { figure, list };
}

/** The horizontal extent of a name drawn at `x` with its anchor, with a little space on each side. */
function labelExtent(x: number, text: string, anchor: string): [number, number] {
  const w = text.length * CHAR_WIDTH;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return [left - 4, left + w + 4];
}

function anchorFor(cx: number, width: number): string {
  if (cx < 60) return 'start';
  if (cx > width - 60) return 'end';
  return 'middle';
}
