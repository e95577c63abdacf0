// The end-to-end proof that the packaged extension works in a real VS Code: installs code-server and Chromium,
// packages the .vsix users install, and runs it twice in a workbench served on 127.0.0.1 and opened in headless
// Chromium — with a trusted workspace (the integration suite, then the Playwright UI pass) and in Restricted Mode.
// Each test of the suite inside the workbench becomes a test here. Screenshots, results and logs go to .artifacts/e2e/.
import * as assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { PRODUCT_NAME } from '../../client/src/product';
import { FIXTURE_KEYS } from './harness/src/group';
import type { SuiteName, SuiteResults } from './harness/src/results';
import { UI_WAIT_MS, Workbench } from './workbench/browser';
import {
  ARTIFACTS,
  CACHE,
  installCodeServer,
  packageHarness,
  packageProduct,
  type Installed,
  type Package,
} from './workbench/build';
import { CodeServer } from './workbench/code-server';
import { packageProblems } from './workbench/package-contents';
import {
  changeScriptEditor,
  completionWidget,
  newGroupFlow,
  previewIsolation,
  previewWebview,
  problemsPanel,
  splitMemberViews,
} from './workbench/ui-pass';

/** The whole run, cold install included, must fit in ten minutes on a two-core machine. */
const TOTAL_MS = 10 * 60_000;
/**
 * How long the harness may take to report. The full suite takes under a minute here; these limits leave room for a
 * run in which every wait of the suite times out, so that its results still arrive within TOTAL_MS.
 */
const RESULTS_MS: Record<SuiteName, number> = { full: 5 * 60_000, restricted: 3 * 60_000 };

type UiStep = {
  title: string;
  screenshot: string;
  run: (workbench: Workbench, screenshot: string) => Promise<unknown>;
};

const UI_PASS: UiStep[] = [
  {
    title: 'UI: the Problems panel lists every expected problem of the three members',
    screenshot: 'problems.png',
    run: problemsPanel,
  },
  {
    title: 'UI: typing in dc-vpn-3.asa and pressing Ctrl+Space shows the commands the block lacks',
    screenshot: 'completion.png',
    run: completionWidget,
  },
  {
    title: 'UI: the status bar and the code lens of dc-vpn-2 say it is split off the group, as its problem does',
    screenshot: 'split-member.png',
    run: splitMemberViews,
  },
  {
    title: 'UI: the redirect preview renders the group with its members, addresses and loads',
    screenshot: 'preview.png',
    run: previewWebview,
  },
  {
    title:
      'UI: after an edit of dc-vpn-1.cfg, Copy Change Script opens the script with the device prompts in a new editor',
    screenshot: 'change-script.png',
    run: changeScriptEditor,
  },
  {
    title:
      "UI: New Load-Balancing Group answered from the keyboard for dc-vpn-3 opens the member's configuration and the offered change script that makes the workspace's dc-vpn-3 that member",
    screenshot: 'new-group.png',
    run: newGroupFlow,
  },
  {
    title:
      "UI: a fresh redirect preview loads nothing from outside: every request stays on code-server, its policy is default-src 'none' with a script nonce, no violation",
    screenshot: 'preview-isolation.png',
    run: previewIsolation,
  },
];

const RESTRICTED_UI: UiStep[] = [
  {
    title: 'UI: the status bar says Restricted Mode, and the Problems panel lists every expected problem',
    screenshot: 'restricted-problems.png',
    run: async (workbench, screenshot) => {
      await workbench.page
        .locator('.statusbar-item', { hasText: 'Restricted Mode' })
        .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await problemsPanel(workbench, screenshot);
    },
  },
];

/**
 * The full run traces every message between the extension and its server, document text included: the trace must
 * still never show a cluster key (the extension redacts it), which the logs test below checks.
 */
const TRACE_SETTINGS = { 'asaLb.trace.server': 'verbose' };

/** The extension's own logs in a copy of the workbench's logs: its output channel and its server trace. */
function productLogs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.log') && (path.includes('asa-lb') || path.includes(PRODUCT_NAME)))
    .map((path) => join(dir, path));
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Starts a workbench on a fresh copy of the fixture, turns the harness's results into tests, runs the UI steps, stops everything. */
async function inWorkbench(
  t: TestContext,
  installed: Installed,
  vsixes: string[],
  suite: SuiteName,
  workspaceTrust: boolean,
  ui: UiStep[],
): Promise<void> {
  const started = Date.now();
  const logs = join(ARTIFACTS, `logs-${suite}`);
  const server = await CodeServer.start({
    entry: installed.entry,
    vsixes,
    suite,
    workspaceTrust,
    settings: suite === 'full' ? TRACE_SETTINGS : {},
  });
  let workbench: Workbench | undefined;
  try {
    workbench = await Workbench.open(server.workbenchUrl);
    const results: SuiteResults = await server.waitForResults(RESULTS_MS[suite], workbench.failed);
    writeFileSync(join(ARTIFACTS, `results-${suite}.json`), JSON.stringify(results, null, 2));
    t.diagnostic(
      `${suite}: the harness reported ${results.tests.length} tests after ${seconds(started)} (VS Code ${results.vscodeVersion}, workspace trusted: ${results.workspaceTrusted})`,
    );

    await t.test(`the harness ran every one of the ${results.planned} tests it planned, and skipped none`, () => {
      assert.equal(results.harnessError, undefined, `The harness failed: ${results.harnessError}`);
      assert.ok(results.planned > 0, 'The harness planned no test');
      assert.equal(
        results.tests.length,
        results.planned,
        `Mocha planned ${results.planned} tests but reported ${results.tests.length}`,
      );
      assert.deepEqual(
        results.tests.filter((r) => r.state === 'pending').map((r) => r.title),
        [],
        'Skipped tests',
      );
    });
    for (const result of results.tests) {
      await t.test(result.title, () => {
        if (result.state === 'passed') return;
        const error = new Error(
          result.state === 'pending'
            ? 'The harness skipped this test.'
            : (result.error?.message ?? 'failed without a message'),
        );
        if (result.error?.stack)
          error.stack = `${error.message}\n(in the workbench) ${result.error.stack.split('\n').slice(1).join('\n')}`;
        throw error;
      });
    }

    const page = workbench;
    for (const step of ui) {
      await t.test(step.title, async () => {
        try {
          await step.run(page, join(ARTIFACTS, step.screenshot));
        } catch (error) {
          await page.screenshot(join(ARTIFACTS, `failed-${step.screenshot}`)).catch(() => undefined);
          throw error;
        }
      });
    }
    if (workbench.pageErrors.length > 0)
      t.diagnostic(
        `${suite}: the page reported ${workbench.pageErrors.length} console errors (see .artifacts/e2e/page-errors-${suite}.txt)`,
      );
    writeFileSync(join(ARTIFACTS, `page-errors-${suite}.txt`), workbench.pageErrors.join('\n'));
  } catch (error) {
    await workbench?.screenshot(join(ARTIFACTS, `failed-${suite}.png`)).catch(() => undefined);
    throw error;
  } finally {
    await workbench?.close().catch(() => undefined);
    await server.stop(logs);
    t.diagnostic(`${suite}: workbench up and down in ${seconds(started)}`);
  }

  await t.test("the extension's logs (output channel, server trace) were written and never show a cluster key", () => {
    const files = productLogs(logs);
    assert.ok(files.length > 0, `No log of the extension in ${logs}`);
    let bytes = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      bytes += text.length;
      for (const key of FIXTURE_KEYS) assert.ok(!text.includes(key), `${file} shows a cluster key`);
      // The trace shows document text only as its length: a key typed or pasted would otherwise be there.
      assert.doesNotMatch(text, /"(?:text|newText)": "(?!<[\d,]+ characters>")/, `${file} shows document text`);
    }
    t.diagnostic(
      `${suite}: ${files.length} log files of the extension, ${(bytes / 1024).toFixed(0)} KiB, checked for keys`,
    );
  });

  await t.test(
    'the extension logged that it ran in the Node extension host, how long it took to activate and its server to be ready',
    () => {
      const texts = productLogs(logs).map((file) => readFileSync(file, 'utf8'));
      const find = (pattern: RegExp): RegExpExecArray | undefined =>
        texts.map((text) => pattern.exec(text)).find((match) => match !== null) ?? undefined;
      const activated = find(/Activated in the Node extension host in (\d+) ms/);
      const ready = find(
        /The language server is running in the Node extension host \(ready (\d+) ms after it was started\)/,
      );
      assert.ok(activated, 'the output channel says the extension activated in the Node extension host');
      assert.ok(ready, 'the output channel says when the server was ready');
      // Figures for the record (the benchmark's activation row), not a budget: timings are not asserted.
      writeFileSync(
        join(ARTIFACTS, `server-ready-${suite}.json`),
        JSON.stringify({ suite, host: 'Node', activateMs: Number(activated[1]), readyMs: Number(ready[1]) }),
      );
      t.diagnostic(
        `${suite}: activated in ${activated[1]} ms in the Node extension host; language server ready ${ready[1]} ms after the extension started it`,
      );
    },
  );
}

test(
  'the packaged extension, end to end in VS Code (code-server) and headless Chromium',
  { timeout: TOTAL_MS },
  async (t) => {
    const started = Date.now();
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(CACHE, { recursive: true });
    // This run's packages live in a folder of its own, so that two runs at once never package over each other.
    const runDir = mkdtempSync(join(CACHE, 'run-'));
    t.after(() => rmSync(runDir, { recursive: true, force: true }));
    let installed: Installed | undefined;
    let product: Package | undefined;
    let harness: string | undefined;

    await t.test('install code-server and Chromium, build and package the product and the test harness', async () => {
      let since = Date.now();
      installed = await installCodeServer();
      t.diagnostic(`install (code-server 4.100.3, Chromium): ${seconds(since)}`);
      since = Date.now();
      product = await packageProduct(runDir);
      harness = await packageHarness(runDir);
      // The package under test stays as an artefact, for people to install and look into.
      copyFileSync(product.path, join(ARTIFACTS, 'asa-lb.vsix'));
      t.diagnostic(
        `production build and package: ${seconds(since)}; .artifacts/e2e/asa-lb.vsix: ${(product.bytes / 1024).toFixed(0)} KiB, ${product.files.length} entries`,
      );
    });
    if (!installed || !product || !harness) throw new Error('Nothing to run: the preparation above failed.');

    const vsix = product;
    await t.test('the .vsix holds every file the extension names or loads, and nothing that does not run', () => {
      assert.deepEqual(packageProblems(vsix.files), [], `Entries: ${vsix.files.join(', ')}`);
    });

    const vsixes = [product.path, harness];
    await t.test('in a trusted workspace: the integration suite, then the UI pass', (t) =>
      inWorkbench(t, installed!, vsixes, 'full', false, UI_PASS),
    );
    await t.test('in Restricted Mode (workspace trust on, folder not trusted): what must still work', (t) =>
      inWorkbench(t, installed!, vsixes, 'restricted', true, RESTRICTED_UI),
    );

    t.diagnostic(`wall time: ${seconds(started)}; .vsix: ${(product.bytes / 1024).toFixed(0)} KiB`);
  },
);
