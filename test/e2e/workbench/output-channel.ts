// Reads a log output channel as a person would: picks it in *Developer: Show Logs…* and reads the Output view.
// In a web worker extension host an extension's log lives in the browser, not in the server's logs folder, so this
// is how the end-to-end test reads what the extension logged there.
import { UI_WAIT_MS, type Workbench } from './browser';

/** Shows the channel (which must exist: the extension has activated) and waits until its text matches every pattern; returns the matches, in the patterns' order. */
export async function readOutputChannel(
  workbench: Workbench,
  channel: string,
  patterns: readonly RegExp[],
): Promise<RegExpExecArray[]> {
  const page = workbench.page;
  const input = await workbench.openQuickInput('F1');
  await input.fill('>Developer: Show Logs');
  await page
    .locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Developer: Show Logs' })
    .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.press('Enter');
  await input.fill(channel);
  await page
    .locator('.quick-input-widget .monaco-list-row.focused', { hasText: channel })
    .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
  const lines = page.locator('.part.panel .monaco-editor .view-lines');
  await lines.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  // The channel fills in as the extension logs; its lines are few and short, so all of them are rendered.
  await page.waitForFunction(
    (sources) => {
      const text = document.querySelector('.part.panel .monaco-editor .view-lines')?.textContent ?? '';
      return sources.every((source) => new RegExp(source).test(text.replace(/\u00a0/g, ' ')));
    },
    patterns.map((p) => p.source),
    { timeout: UI_WAIT_MS },
  );
  const text = (await lines.innerText()).replace(/\u00a0/g, ' ');
  return patterns.map((p) => p.exec(text)!);
}
