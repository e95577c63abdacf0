// The UI pass: what a person sees in the workbench, read from the screen's DOM with Playwright after the harness has
// finished. The Problems panel lists the group's problems, the suggest widget offers the block's missing commands
// after typing in a member, and the redirect preview renders the group. Each step leaves a screenshot.
import * as assert from 'node:assert/strict';
import { EXPECTED, FIXTURE_KEYS, MEMBERS, PREVIEW_MEMBERS } from '../harness/src/group';
import { UI_WAIT_MS, type Workbench } from './browser';

/** Fails when text on the screen shows a cluster key of the fixture. */
function assertNoKey(text: string, where: string): void {
  for (const key of FIXTURE_KEYS) assert.ok(!text.includes(key), `${where} shows a cluster key`);
}

/** Opens the Problems panel (Ctrl+Shift+M), maximised so that every row is rendered, and checks every expected row. */
export async function problemsPanel(workbench: Workbench, screenshot: string): Promise<string[]> {
  const page = workbench.page;
  await workbench.clearNotifications();
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await workbench.runCommand('View: Toggle Maximized Panel');
  const expected = Object.values(EXPECTED).flat();
  // A problem's row shows its source and code ("asa-lb(pool-overlap)", in separate elements); file rows and rows of
  // related information do not. The list fills in as the panel renders.
  await page.waitForFunction(
    (count) => Array.from(document.querySelectorAll('.markers-panel .monaco-list-row')).filter((row) => row.textContent?.includes('asa-lb')).length >= count,
    expected.length,
    { timeout: UI_WAIT_MS },
  );
  const texts = await panel.locator('.monaco-list-row').allInnerTexts();
  await workbench.screenshot(screenshot);
  const all = texts.join('\n---\n');
  assertNoKey(all, 'The Problems panel');
  // A file's row is its name and its number of problems; rows of related information also start with a file name.
  for (const file of MEMBERS) {
    const row = texts.find((t) => new RegExp(`^${file.replace(/\./g, '\\.')}\\s+\\d+$`).test(t.trim()));
    assert.ok(row, `The Problems panel has no row for ${file}:\n${all}`);
    assert.equal(Number(/\d+$/.exec(row.trim())![0]), EXPECTED[file].length, `The Problems panel counts the wrong number of problems for ${file}`);
  }
  for (const code of new Set(expected.map((r) => r.code))) {
    const shown = new RegExp(`asa-lb\\W*${code}\\b`);
    const count = texts.filter((t) => shown.test(t)).length;
    const wanted = expected.filter((r) => r.code === code).length;
    assert.equal(count, wanted, `The Problems panel should list ${code} ${wanted} time(s); it lists it ${count} time(s):\n${all}`);
  }
  const problems = texts.filter((t) => t.includes('asa-lb')).length;
  assert.equal(problems, expected.length, `The Problems panel should list exactly ${expected.length} problems of asa-lb:\n${all}`);
  await workbench.runCommand('View: Toggle Maximized Panel');
  await workbench.runCommand('View: Toggle Panel Visibility');
  await panel.waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
  return texts;
}

/**
 * Types in dc-vpn-3.asa as a user would: replaces the misspelt `priorty 5` with nothing, asks for suggestions with
 * Ctrl+Space, and reads the suggest widget. The file is reverted afterwards, unsaved.
 */
export async function completionWidget(workbench: Workbench, screenshot: string): Promise<string[]> {
  const page = workbench.page;
  await workbench.openFile('dc-vpn-3.asa');
  // Ctrl+G goes to the line of `priorty 5`; End, then Shift+Home selects the command after the indentation.
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.type('22');
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: 'Ln 22, Col 1' }).waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Delete');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.locator('.statusbar-item', { hasText: 'Ln 22, Col 2' }).waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  try {
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    const rows = widget.locator('.monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
    await workbench.screenshot(screenshot);
    assertNoKey((await rows.allInnerTexts()).join('\n'), 'The suggest widget');
    for (const label of ['priority', 'cluster port', 'redirect-fqdn']) assert.ok(labels.includes(label), `The suggest widget does not show '${label}': [${labels.join(', ')}]`);
    for (const label of ['participate', 'cluster key']) assert.ok(!labels.includes(label), `The suggest widget shows '${label}', which the block already has: [${labels.join(', ')}]`);
    return labels;
  } finally {
    // Whatever the widget showed, the member goes back to its saved text.
    await page.keyboard.press('Escape');
    await workbench.runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  }
}

/** Opens the redirect preview on dc-vpn-3.asa and reads the members table the webview renders. */
export async function previewWebview(workbench: Workbench, screenshot: string): Promise<string> {
  const page = workbench.page;
  await workbench.openFile('dc-vpn-3.asa');
  await workbench.runCommand('ASA LB: Show Redirect Preview');
  const tab = page.locator('.tabs-container .tab', { hasText: 'Redirect Preview: dc-vpn-3.asa' });
  await tab.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  // The preview opens beside the editor and leaves the focus there: closing the editor's group and the side bar
  // gives the preview the whole window for the screenshot (a click into the webview would take the keyboard away).
  await workbench.runCommand('View: Close All Editors in Group');
  await workbench.runCommand('View: Close Primary Side Bar');
  const frame = workbench.webview();
  // The page shows the table once the group has arrived from the language server.
  const table = frame.locator('#members');
  for (const member of PREVIEW_MEMBERS) await table.locator('tr', { hasText: member.name }).first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  const text = await frame.locator('body').innerText();
  await workbench.screenshot(screenshot);
  assertNoKey(text, 'The redirect preview');
  const rows = await table.locator('tr').allInnerTexts();
  for (const member of PREVIEW_MEMBERS) {
    const row = rows.find((r) => r.includes(member.name));
    assert.ok(row, `The preview's members table has no row for ${member.name}:\n${rows.join('\n')}`);
    assert.ok(row.includes(member.publicIp), `The preview's row of ${member.name} does not show ${member.publicIp}: ${row}`);
    assert.match(row, /\d+\s?%/, `The preview's row of ${member.name} shows no load: ${row}`);
  }
  return text;
}
