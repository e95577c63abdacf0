// Loads multi-device fixtures into a Workspace: one folder per scenario under test/fixtures/group/, one file per device,
// expectations written in the files (see expectations.ts). Shared by the group-check tests.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../../server/src/core/checks/codes';
import type { Diagnostic } from '../../../server/src/core/types';
import { Workspace } from '../../../server/src/core/workspace';
import { compareExpectations, readExpectations, type Expectation } from './expectations';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/group');

/** The codes of the cross-device checks. */
export const GROUP_CODES = new Set(CODES.filter((c) => c.scope === 'group').map((c) => c.code));

export interface Scenario {
  name: string;
  /** uri → text to analyse (expectation lines removed). */
  texts: Map<string, string>;
  /** uri → expectations. */
  expectations: Map<string, Expectation[]>;
}

export function scenarioNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The uri a fixture file gets in the workspace: relative, as the CLI would print it. */
export function uriOf(scenario: string, file: string): string {
  return `group/${scenario}/${file}`;
}

/** Builds a scenario from annotated texts (file name → text), for fixtures generated in test code. */
export function scenarioFromTexts(name: string, files: Record<string, string>): Scenario {
  const texts = new Map<string, string>();
  const expectations = new Map<string, Expectation[]>();
  for (const [file, annotated] of Object.entries(files)) {
    const uri = uriOf(name, file);
    const read = readExpectations(annotated, uri);
    texts.set(uri, read.text);
    expectations.set(uri, read.expectations);
  }
  return { name, texts, expectations };
}

export function loadScenario(name: string): Scenario {
  const dir = join(FIXTURES, name);
  const files: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) files[file] = readFileSync(join(dir, file), 'utf8');
  return scenarioFromTexts(name, files);
}

export function workspaceOf(texts: Map<string, string>): Workspace {
  const ws = new Workspace();
  for (const [uri, text] of texts) ws.set(uri, text);
  return ws;
}

/** The cross-device diagnostics of one document. */
export function groupDiagnostics(ws: Workspace, uri: string): Diagnostic[] {
  return (ws.result(uri)?.diagnostics ?? []).filter((d) => GROUP_CODES.has(d.code));
}

export function allGroupDiagnostics(ws: Workspace): { uri: string; diagnostic: Diagnostic }[] {
  return ws.uris().flatMap((uri) => groupDiagnostics(ws, uri).map((diagnostic) => ({ uri, diagnostic })));
}

/** Loads the scenario and asserts that each file's group diagnostics are exactly its expectations. */
export function assertScenario(scenario: Scenario): Workspace {
  const ws = workspaceOf(scenario.texts);
  const problems: string[] = [];
  for (const [uri, expectations] of scenario.expectations) {
    const { missing, extra } = compareExpectations(expectations, groupDiagnostics(ws, uri));
    for (const m of missing) problems.push(`${uri}: missing ${m}`);
    for (const e of extra) problems.push(`${uri}: unexpected ${e}`);
  }
  assert.deepEqual(problems, [], `scenario ${scenario.name}:\n${problems.join('\n')}`);
  return ws;
}
