// The results file the harness writes when the suite ends: the contract between the harness inside the workbench and
// the end-to-end test outside it, which turns every entry into a test of its own.

/** The environment variable that names the results file; the harness runs the suite only when it is set. */
export const RESULTS_ENV = 'ASA_LB_E2E_RESULTS';
/** The environment variable that picks the suite: `full` (the default) or `restricted`. */
export const SUITE_ENV = 'ASA_LB_E2E_SUITE';

export type SuiteName = 'full' | 'restricted';

export interface TestResult {
  /** The titles from the outermost suite down to the test, joined by ' › '. */
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  /** For a failure: the assertion's message and the first lines of its stack. */
  error?: { message: string; stack?: string };
}

export interface SuiteResults {
  suite: SuiteName;
  vscodeVersion: string;
  /** `vscode.workspace.isTrusted` when the suite started. */
  workspaceTrusted: boolean;
  /** How many tests Mocha planned to run; every one of them must appear in `tests`. */
  planned: number;
  durationMs: number;
  tests: TestResult[];
  /** Set when the harness itself failed before or after Mocha ran. */
  harnessError?: string;
}
