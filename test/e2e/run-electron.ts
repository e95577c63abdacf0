// Runs the integration suite in a desktop VS Code that `@vscode/test-electron` downloads, on a machine that can reach
// Microsoft's update service (a laptop, a public CI). The machines that build this project cannot: there the suite
// runs in code-server instead (vscode.e2e.test.ts). Usage, after `npm run build`:
//   node --import tsx test/e2e/run-electron.ts [full|restricted]
// VSCODE_VERSION picks the VS Code version (default: stable). On a Linux machine without a display, run it under
// `xvfb-run -a`.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { SUITE_ENV, type SuiteName } from './harness/src/results';
import { ROOT, bundleHarness } from './workbench/build';
import { FIXTURE } from './workbench/code-server';
import { QUIET_SETTINGS } from './workbench/settings';

const suite: SuiteName = process.argv[2] === 'restricted' ? 'restricted' : 'full';
const dir = mkdtempSync(join(tmpdir(), `asa-lb-electron-${suite}-`));
try {
  // The same bundle the harness extension runs in code-server; here VS Code loads it as the tests module and calls run().
  const tests = join(dir, 'harness.js');
  await bundleHarness(tests);
  // A copy of the fixture, so a run that is stopped half-way never leaves the repository's files edited.
  const folder = join(dir, 'group');
  cpSync(FIXTURE, folder, { recursive: true });
  const userData = join(dir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: tests,
    extensionTestsEnv: { [SUITE_ENV]: suite },
    launchArgs: [
      folder,
      // Only the extension under development runs: no other installed extension can change what the suite sees.
      '--disable-extensions',
      `--user-data-dir=${userData}`,
      // Restricted Mode needs workspace trust on, and a folder nobody has trusted yet (a fresh user-data-dir).
      ...(suite === 'restricted' ? [] : ['--disable-workspace-trust']),
    ],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
