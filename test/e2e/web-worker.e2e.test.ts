// The same .vsix in a browser's web worker extension host, as on vscode.dev and github.dev: code-server runs an
// installed extension there when the user settings say `remote.extensionKind: { "<id>": ["web"] }`. The extension's
// own log proves where it ran; then the Problems panel must list exactly the problems the Node host shows for the
// fixture group (which no one has opened: the files reach the worker through the editor), and the redirect preview
// must render the group, and the problems must be the same after a reload; a folder of backups with symbolic links
// out of it shows what `asa-lb check` reports, no link followed. Screenshots and figures go to .artifacts/e2e/ (web-*.png, activation-web.json).
import * as assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PRODUCT_NAME } from '../../client/src/product';
import { PRODUCT_ID } from './harness/src/group';
import { Workbench } from './workbench/browser';
import { ARTIFACTS, CACHE, installCodeServer, packageProduct, ROOT } from './workbench/build';
import { CodeServer } from './workbench/code-server';
import { readOutputChannel } from './workbench/output-channel';
import { checkCounts, describe, showProblemsPanel, waitForProblems } from './workbench/problems';
import { newGroupFlow, previewWebview, problemsPanel } from './workbench/ui-pass';

const TOTAL_MS = 8 * 60_000;
/** The first-contact folder: device backups as .cfg/.conf/.txt (no .asa), next to files that are not configs. */
const BACKUPS = join(ROOT, 'test', 'fixtures', 'e2e', 'backups');
/** How long the problems of a folder may take to appear before the test stops waiting and says what it sees. */
const WAIT_MS = 45_000;
const WEB_SETTINGS = { 'remote.extensionKind': { [PRODUCT_ID]: ['web'] } };
/** The extension's output channel (client/src/server-connection.ts). */
const CHANNEL = PRODUCT_NAME;

/**
 * A copy of the backups with two symbolic links committed beside them, one to a config outside the folder and one to
 * the folder holding it: the editor's file search follows links, so the extension must refuse them itself.
 */
function backupsWithLinks(runDir: string): string {
  const outside = join(runDir, 'outside');
  mkdirSync(outside);
  copyFileSync(join(BACKUPS, 'asa-a.cfg'), join(outside, 'asa-outside.cfg'));
  const folder = join(runDir, 'backups');
  cpSync(BACKUPS, folder, { recursive: true });
  symlinkSync(join(outside, 'asa-outside.cfg'), join(folder, 'linked.cfg'));
  symlinkSync(outside, join(folder, 'linked-folder'));
  return folder;
}

test(
  'the packaged extension in the web worker extension host (code-server, headless Chromium)',
  { timeout: TOTAL_MS },
  async (t) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(CACHE, { recursive: true });
    const runDir = mkdtempSync(join(CACHE, 'run-web-'));
    t.after(() => rmSync(runDir, { recursive: true, force: true }));
    const installed = await installCodeServer();
    const product = await packageProduct(runDir);

    // No harness: it is a Node extension and would run in the other host. Everything here is read from the screen.
    const server = await CodeServer.start({
      entry: installed.entry,
      vsixes: [product.path],
      suite: 'web',
      workspaceTrust: false,
      settings: WEB_SETTINGS,
    });
    let workbench: Workbench | undefined;
    try {
      workbench = await Workbench.open(server.workbenchUrl);
      const page = workbench;
      /** A step that leaves the screen as it was when it failed, beside the other artefacts. */
      const step = (title: string, name: string, run: () => Promise<unknown>): Promise<void> =>
        t.test(title, async () => {
          try {
            await run();
          } catch (error) {
            await page.screenshot(join(ARTIFACTS, `failed-${name}`)).catch(() => undefined);
            throw error;
          }
        });

      await step(
        'UI: the Problems panel lists every expected problem of the three members, none of them opened',
        'web-problems.png',
        async () => {
          await problemsPanel(page, join(ARTIFACTS, 'web-problems.png'));
        },
      );

      // After the problems, so the extension has activated and its log channel exists.
      await step(
        'the extension logs that it activated in the web worker extension host, and that its server runs there',
        'web-output.png',
        async () => {
          const [activated, ready] = await readOutputChannel(page, CHANNEL, [
            /Activated in the web worker extension host in (\d+) ms/,
            /The language server is running in the web worker extension host \(ready (\d+) ms after it was started\)/,
          ]);
          await page.screenshot(join(ARTIFACTS, 'web-output.png'));
          // Figures for the record, not budgets.
          const figures = { host: 'web worker', activateMs: Number(activated![1]), serverReadyMs: Number(ready![1]) };
          writeFileSync(join(ARTIFACTS, 'activation-web.json'), JSON.stringify(figures));
          t.diagnostic(
            `web worker host: activate ${figures.activateMs} ms, language server ready ${figures.serverReadyMs} ms after it was started`,
          );
          assert.ok(
            !/Activated in the Node extension host/.test(
              (await page.page.locator('.part.panel .monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' '),
            ),
          );
          await page.runCommand('View: Toggle Panel Visibility');
        },
      );

      await step(
        'UI: the redirect preview renders the group with its members, addresses and loads',
        'web-preview.png',
        async () => {
          await previewWebview(page, join(ARTIFACTS, 'web-preview.png'));
        },
      );

      await step(
        "UI: New Load-Balancing Group answered from the keyboard opens the member's configuration and the change script for the workspace's dc-vpn-3",
        'web-new-group.png',
        async () => {
          await newGroupFlow(page, join(ARTIFACTS, 'web-new-group.png'));
        },
      );

      await step(
        'after a reload of the window, the Problems panel lists the same problems again',
        'web-problems-reload.png',
        async () => {
          // The page, the web worker extension host and the server's worker all start afresh.
          await page.reloadWindow();
          await problemsPanel(page, join(ARTIFACTS, 'web-problems-reload.png'));
        },
      );

      writeFileSync(join(ARTIFACTS, 'page-errors-web.txt'), workbench.pageErrors.join('\n'));
    } catch (error) {
      await workbench?.screenshot(join(ARTIFACTS, 'failed-web.png')).catch(() => undefined);
      throw error;
    } finally {
      await workbench?.close().catch(() => undefined);
      await server.stop(join(ARTIFACTS, 'logs-web'));
    }
    await t.test(
      'first contact in the web worker host: a folder of backups with links out of it, nothing run, shows exactly what asa-lb check reports, after a reload too',
      async (t) => {
        const folder = backupsWithLinks(runDir);
        const expected = checkCounts(product.cli, [folder]);
        // The links lead to a config of its own problems, which neither the CLI nor the server reads.
        assert.deepEqual(expected, checkCounts(product.cli, [BACKUPS]));
        const backups = await CodeServer.start({
          entry: installed.entry,
          vsixes: [product.path],
          suite: 'web-backups',
          fixture: folder,
          workspaceTrust: false,
          settings: WEB_SETTINGS,
        });
        let bench: Workbench | undefined;
        try {
          bench = await Workbench.open(backups.workbenchUrl);
          const page = bench;
          await t.test(`the Problems panel and the status bar show exactly ${describe(expected)}`, async () => {
            await showProblemsPanel(page);
            await waitForProblems(page, expected, WAIT_MS);
            await page.screenshot(join(ARTIFACTS, 'web-first-contact.png'));
          });
          await t.test('the extension ran in the web worker extension host', async () => {
            await readOutputChannel(page, CHANNEL, [
              /Activated in the web worker extension host in \d+ ms/,
              /The language server is running in the web worker extension host/,
            ]);
          });
          await t.test('after a window reload: the same problems', async () => {
            await page.reloadWindow();
            await showProblemsPanel(page);
            await waitForProblems(page, expected, WAIT_MS);
            await page.screenshot(join(ARTIFACTS, 'web-first-contact-reload.png'));
          });
        } catch (error) {
          await bench?.screenshot(join(ARTIFACTS, 'failed-web-first-contact.png')).catch(() => undefined);
          throw error;
        } finally {
          await bench?.close().catch(() => undefined);
          await backups.stop(join(ARTIFACTS, 'logs-web-backups'));
        }
      },
    );
  },
);
