// `asa-lb simulate`: reads a scenario file, runs the redirect simulation and renders it as text or JSON (`core/sim/contract-json.ts`).
import {
  ASSUMPTIONS,
  decisionAssumptions,
  electionAssumptions,
  explainDecision,
  publicIps,
  runAssumptions,
  type AssumptionId,
  explainElection,
  parseScenario,
  ScenarioTooLarge,
  SESSION_TYPE_LABEL,
  simulate,
  toSimulateJson,
  type Decision,
  type FailureRecord,
  type SimulationResult,
} from '../core/sim/index';
import { badInput, readInput, type CommandResult } from './command-result';

/** Runs the scenario in the file at `path` (`-` reads standard input). */
export async function runSimulate(path: string, options: { format: 'text' | 'json' }): Promise<CommandResult> {
  const input = await readInput(path);
  if (!input.ok) return badInput(input.error);
  return simulateText(input.text, options, path);
}

/** The same as `runSimulate` on text already in hand; `source` names it in error messages. */
export function simulateText(text: string, options: { format: 'text' | 'json' }, source = 'scenario'): CommandResult {
  if (options.format !== 'text' && options.format !== 'json')
    return badInput(`unknown format "${String(options.format)}" (use text or json)`);
  const parsed = parseScenario(text);
  if (!parsed.ok) return badInput(`${source}: ${parsed.error.text}`);
  let result: SimulationResult;
  try {
    result = simulate(parsed.scenario);
  } catch (error) {
    if (error instanceof ScenarioTooLarge) return badInput(`${source}: ${error.error.text}`);
    throw error;
  }
  const stdout =
    options.format === 'json' ? `${JSON.stringify(toSimulateJson(result), null, 2)}\n` : renderText(result);
  return { stdout, stderr: '', exitCode: 0 };
}

/** The engineer's view: how the run starts, one line per decision, each failure where it happens, then the final loads. */
function renderText(result: SimulationResult): string {
  const label = SESSION_TYPE_LABEL[result.type];
  const out: string[] = [];
  const newSessions = result.decisions.filter((d) => !d.reconnect).length;
  out.push(
    `${label} redirect simulation: ${plural(newSessions, 'new session')} across ${plural(result.final.length, 'member')}.`,
  );
  // Each assumption the run relied on gets a number; the lines that relied on it name the number.
  const used = runAssumptions(result);
  const note = (ids: AssumptionId[]): string =>
    ids.length > 0 ? ` [assumption ${ids.map((id) => used.indexOf(id) + 1).join(', ')}]` : '';
  // A sentence keeps its full stop last.
  const noted = (sentence: string, ids: AssumptionId[]): string =>
    sentence.endsWith('.') ? `${sentence.slice(0, -1)}${note(ids)}.` : `${sentence}${note(ids)}`;
  const ips = publicIps(result);
  out.push(noted(startLine(result), electionAssumptions(result.election)));
  out.push('');

  const failuresAt = new Map<number, FailureRecord[]>();
  for (const failure of result.failures)
    failuresAt.set(failure.atDecision, [...(failuresAt.get(failure.atDecision) ?? []), failure]);
  const width = String(Math.max(0, result.decisions.length - 1)).length + 1;
  for (let i = 0; i <= result.decisions.length; i++) {
    for (const failure of failuresAt.get(i) ?? []) {
      out.push(`  ${'!'.padEnd(width)}  ${noted(failureLine(failure, label), electionAssumptions(failure.election))}`);
    }
    const decision = result.decisions[i];
    if (decision)
      out.push(
        `  ${`#${decision.index}`.padEnd(width)}  ${what(decision).padEnd(16)}${explainDecision(decision, result.type)}${note(decisionAssumptions(decision, ips))}`,
      );
  }
  if (result.decisions.length === 0 && result.failures.length === 0) out.push('  (no sessions to place)');

  out.push('');
  out.push(`Final ${label} load${result.finalDirector ? ` (director ${result.finalDirector})` : ' (no unit is up)'}:`);
  const nameWidth = Math.max(...result.final.map((m) => m.name.length));
  const ipWidth = Math.max(...result.final.map((m) => m.publicIp.length));
  const countWidth = Math.max(...result.final.map((m) => `${m.active}/${m.limit}`.length));
  for (const member of result.final) {
    const notes: string[] = [];
    if (member.director) notes.push('director');
    if (!member.up) notes.push('down');
    if (member.limit === 0) notes.push(`no ${label} limit`);
    else if (member.load >= 100) notes.push('full');
    if (member.inactive > 0) notes.push(`${member.inactive} inactive`);
    const counts = `${member.active}/${member.limit}`.padStart(countWidth);
    const load = `${member.load} %`.padStart(5);
    out.push(
      `  ${member.name.padEnd(nameWidth)}  ${member.publicIp.padEnd(ipWidth)}  ${counts} active  ${load}${notes.length ? `  ${notes.join(', ')}` : ''}`,
    );
  }
  out.push(`Placed ${result.placed}, refused ${result.refused}.`);
  if (used.length > 0) {
    out.push('');
    out.push("Assumptions (the product's readings where the chapter is silent or open):");
    used.forEach((id, i) => out.push(`  ${i + 1}. ${ASSUMPTIONS[id]}`));
  }
  return `${out.join('\n')}\n`;
}

function startLine(result: SimulationResult): string {
  switch (result.directorSource) {
    case 'given':
      return `Director at the start: ${result.director} (as the scenario says).`;
    case 'elected':
      return `Director at the start: ${result.director} (elected: ${result.election ? explainElection(result.election) : 'highest priority'}).`;
    case 'none':
      return 'No unit is up, so there is no director and every session is refused.';
  }
}

function what(decision: Decision): string {
  return decision.reconnect ? 'reconnect' : `session ${decision.detail.session}`;
}

function failureLine(failure: FailureRecord, label: string): string {
  const parts = [`${failure.member} fails before session ${failure.beforeSession}`];
  if (failure.wasDirector) {
    parts.push(
      failure.election
        ? `it was the director, so the remaining units elect a new one: ${explainElection(failure.election)}`
        : 'it was the director and no unit is left to take over',
    );
  }
  parts.push(
    failure.droppedActive > 0
      ? `its ${plural(failure.droppedActive, `${label} session`)} reconnect through the virtual address`
      : `it held no ${label} sessions`,
  );
  if (failure.droppedInactive > 0) parts.push(`${plural(failure.droppedInactive, 'inactive session')} simply end`);
  return `${parts.join('; ')}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
