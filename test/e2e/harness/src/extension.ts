// The harness extension installed next to the product in code-server: on startup it runs the integration suite
// and writes the results where ASA_LB_E2E_RESULTS says, for the end-to-end test waiting outside the workbench.
// The same bundle exports `run`, so `@vscode/test-electron` can use it as `extensionTestsPath`.
import { rename, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { runSuite, suiteFromEnv } from './index';
import { RESULTS_ENV, type SuiteResults } from './results';

export { run } from './index';

export function activate(): void {
  const file = process.env[RESULTS_ENV];
  // Installed but not asked to run: stay idle, so a stray install does nothing.
  if (!file) return;
  // Activation returns at once; the suite runs after it, as a user's session would.
  void runAndReport(file);
}

async function runAndReport(file: string): Promise<void> {
  const suite = suiteFromEnv();
  let results: SuiteResults;
  try {
    results = await runSuite(suite);
  } catch (error) {
    results = {
      suite,
      vscodeVersion: vscode.version,
      workspaceTrusted: vscode.workspace.isTrusted,
      planned: 0,
      durationMs: 0,
      tests: [],
      harnessError: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  try {
    // The Playwright pass that follows starts from an empty editor area.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  } catch (error) {
    results.harnessError = `Closing the editors failed: ${String(error)}`;
  }
  // Written under another name and renamed, so the waiting test never reads half a file.
  await writeFile(`${file}.partial`, JSON.stringify(results, null, 2));
  await rename(`${file}.partial`, file);
}
