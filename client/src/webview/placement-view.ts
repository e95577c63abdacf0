// The "place N sessions" results: a summary, the sessions chart, the failure (election, reconnects, keepalive
// timeline) and a keyboard-driven step-through of every decision. Everything shown is the server's result.
import type { SimulateResult, SimulatedDecision } from '../../../server/src/protocol';
import type { ScenarioJson } from '../preview/messages';
import { ruleWords, SESSION_LABEL } from '../preview/rule-words';
import { sessionSeries, type SessionSeries } from '../preview/series';
import { byId, el, show } from './dom';
import { keepaliveFigure } from './keepalive-figure';
import { sessionChart } from './session-chart';

export interface PlacementRun {
  scenario: ScenarioJson;
  result: SimulateResult;
}

export class PlacementView {
  private run: { scenario: ScenarioJson; decisions: SimulatedDecision[]; series: SessionSeries; failed: string | null } | null = null;
  private step = 0;
  private readonly steps = byId<HTMLOListElement>('steps');

  constructor(private readonly onStep: (step: number) => void) {
    const move = (to: (current: number, last: number) => number): void => {
      if (!this.run) return;
      this.select(to(this.step, this.run.decisions.length - 1), true);
    };
    byId('step-first').addEventListener('click', () => move(() => 0));
    byId('step-prev').addEventListener('click', () => move((c) => c - 1));
    byId('step-next').addEventListener('click', () => move((c) => c + 1));
    byId('step-last').addEventListener('click', () => move((_, last) => last));
    this.steps.addEventListener('keydown', (event) => {
      const keys: Record<string, (c: number, last: number) => number> = {
        ArrowDown: (c) => c + 1,
        ArrowRight: (c) => c + 1,
        ArrowUp: (c) => c - 1,
        ArrowLeft: (c) => c - 1,
        Home: () => 0,
        End: (_, last) => last,
      };
      const to = keys[event.key];
      if (!to) return;
      event.preventDefault();
      move(to);
    });
  }

  /** Shows a run; `step` is the decision to select (kept across updates and reloads). */
  render(run: PlacementRun | null, step: number): void {
    const summary = byId('place-summary');
    if (!run) {
      this.run = null;
      summary.textContent = '';
      show(byId('chart-figure'), false);
      show(byId('failure'), false);
      show(byId('steps-section'), false);
      return;
    }
    if (!run.result.ok) {
      this.run = null;
      summary.replaceChildren(el('span', { className: 'error', text: run.result.error }));
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
    this.run = { scenario, decisions: result.decisions, series, failed: event?.fail ?? null };
    summary.replaceChildren(...summaryParts(scenario, result));
    this.renderFailure(scenario, result);
    this.renderSteps();
    show(byId('steps-section'), result.decisions.length > 0);
    this.select(Math.min(step, Math.max(0, result.decisions.length - 1)), false);
  }

  private select(step: number, fromUser: boolean): void {
    if (!this.run) return;
    const last = this.run.decisions.length - 1;
    this.step = Math.max(0, Math.min(step, last));
    const items = this.steps.children;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as HTMLElement;
      const current = i === this.step;
      item.classList.toggle('current', current);
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    const current = items[this.step] as HTMLElement | undefined;
    if (fromUser) current?.scrollIntoView({ block: 'nearest' });
    byId('step-position').textContent = last >= 0 ? `Decision ${this.step + 1} of ${last + 1}` : '';
    this.steps.setAttribute('aria-activedescendant', current?.id ?? '');
    this.drawChart();
    if (fromUser) this.onStep(this.step);
  }

  private drawChart(): void {
    if (!this.run) return;
    const { chart, legend } = sessionChart({ series: this.run.series, typeLabel: SESSION_LABEL[this.run.scenario.type], step: this.step, failedName: this.run.failed });
    byId('chart').replaceChildren(chart, legend);
    byId('chart-caption').textContent = `Active ${SESSION_LABEL[this.run.scenario.type]} sessions per member after each decision; the highlighted band is the decision selected below.`;
    show(byId('chart-figure'), true);
  }

  private renderSteps(): void {
    const decisions = this.run?.decisions ?? [];
    this.steps.replaceChildren(
      ...decisions.map((d) => {
        const item = el('li', { attrs: { id: `step-${d.index}` } });
        item.append(el('span', { className: 'step-index', text: `#${d.index + 1}` }));
        if (d.reconnect) item.append(el('span', { className: 'badge reconnect', text: 'reconnect' }));
        if (d.director !== undefined) item.append(el('span', { className: 'badge director', text: d.director === null ? 'no director left' : `new director ${d.director}` }));
        item.append(
          el('span', { className: 'step-target', text: d.target === null ? 'refused' : `→ ${d.target}` }),
          el('span', { className: 'step-rule muted', text: ruleWords(d.rule) }),
          el('span', { className: 'step-text', text: d.explanation }),
        );
        item.addEventListener('click', () => this.select(d.index, true));
        return item;
      }),
    );
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
      el('li', { text: `${event.fail} fails ${event.before === 0 ? 'before the first new session' : `after ${event.before} new ${event.before === 1 ? 'session' : 'sessions'}`}${wasDirector ? '; it was the director' : ''}.` }),
      el('li', {
        text:
          reconnects === 0
            ? `It held no active ${label} sessions, so nothing reconnects.`
            : `Its ${reconnects} active ${label} ${reconnects === 1 ? 'session ends and reconnects' : 'sessions end and reconnect'} through the virtual address, each placed like a new session (marked "reconnect" below).`,
      }),
    ];
    if (wasDirector) {
      const newDirector = change?.director;
      facts.push(el('li', { text: newDirector ? `The units that are still up elect ${newDirector} as the new director.` : newDirector === null ? 'No unit is left to take over as director.' : 'The units that are still up elect a new director.' }));
    }
    // The server's own sentences on each election of the run (why the winner won).
    for (const sentence of result.elections) facts.push(el('li', { className: 'muted', text: sentence }));
    byId('failure-facts').replaceChildren(...facts);
    byId('failure-heading').textContent = wasDirector ? 'The director fails' : `${event.fail} fails`;

    const keepalive = wasDirector && result.keepalive.length > 0 ? keepaliveFigure(result.keepalive) : null;
    show(byId('keepalive-figure'), keepalive !== null);
    show(byId('keepalive-details'), keepalive !== null);
    byId('keepalive').replaceChildren(...(keepalive ? [keepalive.figure] : []));
    byId('keepalive-steps').replaceChildren(...(keepalive ? keepalive.list : []));
    show(failure, true);
  }
}

function summaryParts(scenario: ScenarioJson, result: Extract<SimulateResult, { ok: true }>): (HTMLElement | string)[] {
  const label = SESSION_LABEL[scenario.type];
  const newSessions = result.decisions.filter((d) => !d.reconnect).length;
  const reconnects = result.decisions.length - newSessions;
  const refused = result.decisions.filter((d) => d.target === null).length;
  const failed = scenario.events?.[0]?.fail;
  const change = result.decisions.find((d) => d.director !== undefined);
  const directors = [result.result.director ?? 'no director', ...(change ? [change.director ?? 'no director'] : [])];
  const finals = Object.entries(result.result.final).map(([name, f]) => (name === failed ? `${name} failed` : `${name} ${f.active} (${f.load} %)`));
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
