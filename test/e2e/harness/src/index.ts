// The integration suite's runner. `run()` has the shape `@vscode/test-electron` expects of `extensionTestsPath`
// (a promise that rejects when a test fails); `runSuite()` is what the code-server harness calls to get results.
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { SUITE_ENV, type SuiteName, type SuiteResults, type TestResult } from './results';
import { changeScriptSuite } from './suites/change-script';
import { completionSuite } from './suites/completion';
import { diagnosticsSuite } from './suites/diagnostics';
import { groupViewsSuite } from './suites/group-views';
import { languageSuite } from './suites/language';
import { navigationSuite } from './suites/navigation';
import { previewSuite } from './suites/preview';
import { quickFixSuite } from './suites/quick-fix';
import { restrictedSuite } from './suites/restricted';
import type { SuiteDefinition, Tdd } from './tdd';

/**
 * The suites of each run. Diagnostics come first: they check members nobody has opened yet, which holds only before
 * the other suites open them.
 */
const SUITES: Record<SuiteName, SuiteDefinition[]> = {
  full: [
    diagnosticsSuite,
    languageSuite,
    completionSuite,
    quickFixSuite,
    navigationSuite,
    previewSuite,
    groupViewsSuite,
    changeScriptSuite,
  ],
  restricted: [restrictedSuite],
};

/** Longer than any single wait in the suite, so a test fails with the wait's message rather than Mocha's timeout. */
const TEST_TIMEOUT_MS = 180_000;

export function suiteFromEnv(): SuiteName {
  return process.env[SUITE_ENV] === 'restricted' ? 'restricted' : 'full';
}

function errorOf(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    const result: { message: string; stack?: string } = { message: error.message };
    if (error.stack) result.stack = error.stack.split('\n').slice(0, 8).join('\n');
    return result;
  }
  return { message: String(error) };
}

/** Runs one suite with Mocha's TDD interface and collects every test's outcome (a failed hook counts as a failure). */
export function runSuite(name: SuiteName, reporter: string = 'spec'): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'tdd', timeout: TEST_TIMEOUT_MS, color: false, reporter });
  // The TDD interface fills `context` with suite(), test() … instead of globals, and each suite module gets it.
  const context: Record<string, unknown> = {};
  mocha.suite.emit('pre-require', context, 'asa-lb-e2e', mocha);
  for (const define of SUITES[name]) define(context as unknown as Tdd);

  const started = Date.now();
  const workspaceTrusted = vscode.workspace.isTrusted;
  const tests: TestResult[] = [];
  const titleOf = (runnable: Mocha.Runnable): string => runnable.titlePath().join(' › ');
  return new Promise<SuiteResults>((resolve) => {
    const runner = mocha.run(() => {
      resolve({
        suite: name,
        vscodeVersion: vscode.version,
        workspaceTrusted,
        planned: runner.total,
        durationMs: Date.now() - started,
        tests,
      });
    });
    runner.on('pass', (test) => tests.push({ title: titleOf(test), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error) =>
      tests.push({ title: titleOf(test), state: 'failed', durationMs: test.duration ?? 0, error: errorOf(error) }),
    );
    runner.on('pending', (test) => tests.push({ title: titleOf(test), state: 'pending', durationMs: 0 }));
  });
}

/** The `@vscode/test-electron` entry: the suite named by ASA_LB_E2E_SUITE (default `full`), failing on any failure. */
export async function run(): Promise<void> {
  const results = await runSuite(suiteFromEnv());
  const failed = results.tests.filter((t) => t.state !== 'passed');
  if (failed.length > 0)
    throw new Error(
      `${failed.length} of ${results.planned} tests did not pass: ${failed.map((t) => t.title).join('; ')}`,
    );
}
