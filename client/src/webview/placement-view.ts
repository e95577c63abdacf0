// The "place N sessions" results: a summary, the sessions chart (with its description and a table of its values),
// the failure (election, reconnects, keepalive timeline) and a keyboard-driven step-through of every decision.
// Everything shown is the server's result. The decisions are a listbox whose options carry each decision's words,
// so moving through them with the arrow keys reads the decision itself, not only its number.
import type { SimulateResult, SimulatedDecision } from '../../../server/src/protocol';
import type { ScenarioJson } from '../preview/messages';
import { ruleWords, SESSION_LABEL } from '../preview/rule-words';
import { sessionSeries, type SessionSeries } from '../preview/series';
import { chartTable } from './chart-table';
import { byId, el, show } from './dom';
import { keepaliveFigure } from './keepalive-figure';
import { CHART_WIDTH, chartDescription, sessionChart } from './session-chart';

export interface PlacementRun {
  scenario: ScenarioJson;
  result: SimulateResult;
}

/** How a decision came to be selected: only a move with the buttons needs announcing (the listbox reads its option). */
type SelectedBy = 'render' | 'keys' | 'pointer' | 'buttons';

/** The narrowest and widest the figures are drawn: in a narrower view they are scaled down rather than crowded. */
const FIGURE_WIDTH = { min: 320, max: 900 };

export class PlacementView {
  private run: {
    scenario: ScenarioJson;
    decisions: SimulatedDecision[];
    series: SessionSeries;
    failed: string | null;
    keepalive: Extract<SimulateResult, { ok: true }>['keepalive'] | null;
  } | null = null;
  private step = 0;
  /** Why the placement form's values were not used, while they cannot be (shown in the summary). */
  private formError: string | null = null;
  private lastSummary: (HTMLElement | string)[] = [];
  private drawnWidth = 0;
  private readonly steps = byId<HTMLOListElement>('steps');
  private readonly tableToggle = byId<HTMLButtonElement>('chart-table-toggle');

  constructor(
    private readonly onStep: (step: number) => void,
    private readonly say: (text: string) => void,
  ) {
    const move = (to: (current: number, last: number) => number, by: SelectedBy): void => {
      if (!this.run) return;
      this.select(to(this.step, this.run.decisions.length - 1), by);
    };
    byId('step-first').addEventListener('click', () => move(() => 0, 'buttons'));
    byId('step-prev').addEventListener('click', () => move((c) => c - 1, 'buttons'));
    byId('step-next').addEventListener('click', () => move((c) => c + 1, 'buttons'));
    byId('step-last').addEventListener('click', () => move((_, last) => last, 'buttons'));
    this.steps.addEventListener('keydown', (event) => {
      const keys: Record<string, (c: number, last: number) => number> = {
        ArrowDown: (c) => c + 1,
        ArrowRight: (c) => c + 1,
        ArrowUp: (c) => c - 1,
        ArrowLeft: (c) => c - 1,
        PageDown: (c) => c + 10,
        PageUp: (c) => c - 10,
        Home: () => 0,
        End: (_, last) => last,
      };
      const to = keys[event.key];
      if (!to) return;
      event.preventDefault();
      move(to, 'keys');
    });
    this.tableToggle.addEventListener('click', () => {
      const open = this.tableToggle.getAttribute('aria-expanded') !== 'true';
      this.tableToggle.setAttribute('aria-expanded', String(open));
      this.tableToggle.textContent = open ? 'Hide table' : 'Show as table';
      this.renderTable();
    });
    // The figures are drawn at their shown width: a resized editor split redraws them, so text keeps its size.
    new ResizeObserver(() => {
      if (this.run && figureWidth() !== this.drawnWidth) {
        this.drawChart();
        this.renderKeepalive();
      }
    }).observe(byId('place-section'));
  }

  /** Shows a run; `step` is the decision to select (kept across updates and reloads). */
  render(run: PlacementRun | null, step: number): void {
    if (!run || !run.result.ok) {
      this.run = null;
      this.lastSummary = run && !run.result.ok ? [el('span', { className: 'error', text: run.result.error })] : [];
      this.renderSummary();
      show(byId('chart-figure'), false);
      show(byId('failure'), false);
      show(byId('steps-section'), false);
      return;
    }
    const { scenario, result } = run;
    const event = scenario.events?.[0] ?? null;
    const series = sessionSeries(
      scenario.members.map((m) => ({ name: m.name, active: m[scenario.type].active })),
      result.decisions,
      event ? { name: event.fail, before: event.before } : null,
    );
    this.run = { scenario, decisions: result.decisions, series, failed: event?.fail ?? null, keepalive: null };
    this.lastSummary = summaryParts(scenario, result);
    this.renderSummary();
    this.renderFailure(scenario, result);
    this.renderSteps();
    show(byId('steps-section'), result.decisions.length > 0);
    this.select(Math.min(step, Math.max(0, result.decisions.length - 1)), 'render');
    this.renderTable();
  }

  /** The summary's text, for announcing a run the user asked for. */
  summaryText(): string {
    return byId('place-summary').textContent ?? '';
  }

  /**
   * Marks the placement form's values as unusable (or usable again, with null): the summary then says so, and that
   * what is shown below is the last run, not one of the values in the form.
   */
  setFormError(error: string | null): void {
    this.formError = error;
    this.renderSummary();
  }

  private renderSummary(): void {
    const summary = byId('place-summary');
    if (this.formError === null) {
      summary.classList.remove('stale');
      summary.replaceChildren(...this.lastSummary);
      return;
    }
    summary.classList.add('stale');
    summary.replaceChildren(
      el('strong', { className: 'error', text: `Not placed: ${this.formError}` }),
      ...(this.run ? [' Shown below is still the previous run: ', ...this.lastSummary] : []),
    );
  }

  private select(step: number, by: SelectedBy): void {
    if (!this.run) return;
    const last = this.run.decisions.length - 1;
    this.step = Math.max(0, Math.min(step, last));
    const items = this.steps.children;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as HTMLElement;
      const current = i === this.step;
      item.setAttribute('aria-selected', String(current));
    }
    const current = items[this.step] as HTMLElement | undefined;
    if (current) this.steps.setAttribute('aria-activedescendant', current.id);
    else this.steps.removeAttribute('aria-activedescendant');
    if (by !== 'render') current?.scrollIntoView({ block: 'nearest' });
    if (by === 'pointer') this.steps.focus();
    byId('step-position').textContent = last >= 0 ? `Decision ${this.step + 1} of ${last + 1}` : '';
    // The listbox reads its active option to a screen reader; the buttons leave the focus on themselves, so the
    // decision reached with them is said.
    const decision = this.run.decisions[this.step];
    if (by === 'buttons' && decision) this.say(`Decision ${this.step + 1} of ${last + 1}: ${spokenDecision(decision)}`);
    this.drawChart();
    if (by !== 'render') this.onStep(this.step);
  }

  private drawChart(): void {
    if (!this.run) return;
    show(byId('chart-figure'), true);
    const container = byId('chart');
    this.drawnWidth = figureWidth();
    const input = {
      series: this.run.series,
      typeLabel: SESSION_LABEL[this.run.scenario.type],
      step: this.step,
      failedName: this.run.failed,
    };
    const { chart, legend } = sessionChart({ ...input, width: this.drawnWidth });
    container.replaceChildren(chart, legend);
    byId('chart-caption').textContent =
      `Active ${SESSION_LABEL[this.run.scenario.type]} sessions per member after each decision; the highlighted band is the decision selected below.`;
    byId('chart-description').textContent = chartDescription(input);
  }

  /** The chart's values as a table, built while it is open (a run of a thousand decisions makes a long one). */
  private renderTable(): void {
    const wrap = byId('chart-table-wrap');
    const open = this.tableToggle.getAttribute('aria-expanded') === 'true';
    show(wrap, open && this.run !== null);
    if (!open || !this.run) {
      byId('chart-table').replaceChildren();
      return;
    }
    byId('chart-table').replaceChildren(
      ...chartTable({
        series: this.run.series,
        decisions: this.run.decisions,
        typeLabel: SESSION_LABEL[this.run.scenario.type],
        failedName: this.run.failed,
      }),
    );
  }

  private renderSteps(): void {
    const decisions = this.run?.decisions ?? [];
    this.steps.replaceChildren(
      ...decisions.map((d) => {
        // The option's name comes from its content, which reads as a sentence: the arrow is drawn for the eye and
        // said as "to", and the pieces laid out as columns end with punctuation only a screen reader hears.
        const item = el('li', { attrs: { id: `step-${d.index}`, role: 'option', 'aria-selected': 'false' } });
        const pause = (text: string): HTMLElement => el('span', { className: 'spoken', text });
        item.append(el('span', { className: 'step-index' }, `#${d.index + 1}`, pause(':')), ' ');
        if (d.reconnect) item.append(el('span', { className: 'badge reconnect' }, 'reconnect', pause(',')), ' ');
        if (d.director !== undefined)
          item.append(
            el(
              'span',
              { className: 'badge director' },
              d.director === null ? 'no director left' : `new director ${d.director}`,
              pause(','),
            ),
            ' ',
          );
        item.append(
          d.target === null
            ? el('span', { className: 'step-target' }, 'refused', pause(','))
            : el(
                'span',
                { className: 'step-target' },
                el('span', { text: '→ ', attrs: { 'aria-hidden': 'true' } }),
                pause('to '),
                el('span', { className: 'target-name', text: d.target }),
                pause(','),
              ),
          ' ',
          el('span', { className: 'step-rule muted' }, ruleWords(d.rule), pause('.')),
          ' ',
          el('span', { className: 'step-text', text: d.explanation }),
        );
        item.addEventListener('click', () => this.select(d.index, 'pointer'));
        return item;
      }),
    );
  }

  private renderKeepalive(): void {
    const events = this.run?.keepalive ?? null;
    const keepalive = events && events.length > 0 ? keepaliveFigure(events, figureWidth()) : null;
    show(byId('keepalive-figure'), keepalive !== null);
    show(byId('keepalive-details'), keepalive !== null);
    byId('keepalive').replaceChildren(...(keepalive ? [keepalive.figure] : []));
    byId('keepalive-steps').replaceChildren(...(keepalive ? keepalive.list : []));
  }

  private renderFailure(scenario: ScenarioJson, result: Extract<SimulateResult, { ok: true }>): void {
    const event = scenario.events?.[0];
    const failure = byId('failure');
    if (!event) {
      show(failure, false);
      return;
    }
    const startDirector = result.result.director;
    const wasDirector = event.fail === startDirector;
    const reconnects = result.decisions.filter((d) => d.reconnect).length;
    const change = result.decisions.find((d) => d.director !== undefined);
    const label = SESSION_LABEL[scenario.type];
    const facts: HTMLElement[] = [
      el('li', {
        text: `${event.fail} fails ${event.before === 0 ? 'before the first new session' : `after ${event.before} new ${event.before === 1 ? 'session' : 'sessions'}`}${wasDirector ? '; it was the director' : ''}.`,
      }),
      el('li', {
        text:
          reconnects === 0
            ? `It held no active ${label} sessions, so nothing reconnects.`
            : `Its ${reconnects} active ${label} ${reconnects === 1 ? 'session ends and reconnects' : 'sessions end and reconnect'} through the virtual address, each placed like a new session (marked "reconnect" below).`,
      }),
    ];
    if (wasDirector) {
      const newDirector = change?.director;
      facts.push(
        el('li', {
          text: newDirector
            ? `The units that are still up elect ${newDirector} as the new director.`
            : newDirector === null
              ? 'No unit is left to take over as director.'
              : 'The units that are still up elect a new director.',
        }),
      );
    }
    // The server's own sentences on each election of the run (why the winner won).
    for (const sentence of result.elections) facts.push(el('li', { className: 'muted', text: sentence }));
    byId('failure-facts').replaceChildren(...facts);
    byId('failure-heading').textContent = wasDirector ? 'The director fails' : `${event.fail} fails`;

    if (this.run) this.run.keepalive = wasDirector ? result.keepalive : null;
    show(failure, true);
    this.renderKeepalive();
  }
}

/** The width to draw the figures at: the section's, within bounds (the section spans the page's content). */
function figureWidth(): number {
  const width = byId('place-section').clientWidth;
  return width === 0 ? CHART_WIDTH : Math.round(Math.min(FIGURE_WIDTH.max, Math.max(FIGURE_WIDTH.min, width)));
}

/** A decision as its option reads it, for announcing a move made with the buttons. */
function spokenDecision(d: SimulatedDecision): string {
  const parts = [
    ...(d.reconnect ? ['reconnect'] : []),
    ...(d.director !== undefined ? [d.director === null ? 'no director left' : `new director ${d.director}`] : []),
    d.target === null ? 'refused' : `to ${d.target}`,
  ];
  return `${parts.join(', ')}, ${ruleWords(d.rule)}. ${d.explanation}`;
}

function summaryParts(scenario: ScenarioJson, result: Extract<SimulateResult, { ok: true }>): (HTMLElement | string)[] {
  const label = SESSION_LABEL[scenario.type];
  const newSessions = result.decisions.filter((d) => !d.reconnect).length;
  const reconnects = result.decisions.length - newSessions;
  const refused = result.decisions.filter((d) => d.target === null).length;
  const failed = scenario.events?.[0]?.fail;
  const change = result.decisions.find((d) => d.director !== undefined);
  const directors = [result.result.director ?? 'no director', ...(change ? [change.director ?? 'no director'] : [])];
  const finals = Object.entries(result.result.final).map(([name, f]) =>
    name === failed ? `${name} failed` : `${name} ${f.active} (${f.load} %)`,
  );
  return [
    `${newSessions} new ${label} ${newSessions === 1 ? 'session' : 'sessions'}`,
    reconnects > 0 ? ` and ${reconnects} ${reconnects === 1 ? 'reconnect' : 'reconnects'}` : '',
    `; director ${directors.join(', then ')}`,
    refused > 0 ? `; ${refused} refused` : '',
    '. At the end: ',
    finals.join(', '),
    '.',
  ];
}
