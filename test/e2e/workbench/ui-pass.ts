// The UI pass: what a person sees in the workbench, read from the screen's DOM with Playwright after the harness has
// finished. The Problems panel lists the group's problems, the suggest widget offers the block's missing commands
// after typing in a member, the redirect preview renders the group, and a fresh preview loads nothing from outside
// the workbench. Each step leaves a screenshot.
import * as assert from 'node:assert/strict';
import type { Request } from 'playwright-core';
import { COMMAND_CATEGORY } from '../../../client/src/product';
import { EXPECTED, FIXTURE_KEYS, MEMBERS, PREVIEW_MEMBERS } from '../harness/src/group';
import { UI_WAIT_MS, type Recording, type Workbench } from './browser';

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
    (count) =>
      Array.from(document.querySelectorAll('.markers-panel .monaco-list-row')).filter((row) =>
        row.textContent?.includes('asa-lb'),
      ).length >= count,
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
    assert.equal(
      Number(/\d+$/.exec(row.trim())![0]),
      EXPECTED[file].length,
      `The Problems panel counts the wrong number of problems for ${file}`,
    );
  }
  for (const code of new Set(expected.map((r) => r.code))) {
    const shown = new RegExp(`asa-lb\\W*${code}\\b`);
    const count = texts.filter((t) => shown.test(t)).length;
    const wanted = expected.filter((r) => r.code === code).length;
    assert.equal(
      count,
      wanted,
      `The Problems panel should list ${code} ${wanted} time(s); it lists it ${count} time(s):\n${all}`,
    );
  }
  const problems = texts.filter((t) => t.includes('asa-lb')).length;
  assert.equal(
    problems,
    expected.length,
    `The Problems panel should list exactly ${expected.length} problems of asa-lb:\n${all}`,
  );
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
    for (const label of ['priority', 'cluster port', 'redirect-fqdn'])
      assert.ok(labels.includes(label), `The suggest widget does not show '${label}': [${labels.join(', ')}]`);
    for (const label of ['participate', 'cluster key'])
      assert.ok(
        !labels.includes(label),
        `The suggest widget shows '${label}', which the block already has: [${labels.join(', ')}]`,
      );
    return labels;
  } finally {
    // Whatever the widget showed, the member goes back to its saved text.
    await page.keyboard.press('Escape');
    await workbench.runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  }
}

/**
 * Opens dc-vpn-2.cfg, which listens on port 9024 while the others use 9023: the status bar and the code lens say it is
 * split off the group, as its group-setting-mismatch problem does, instead of calling it a member.
 */
export async function splitMemberViews(workbench: Workbench, screenshot: string): Promise<string[]> {
  const page = workbench.page;
  await workbench.openFile('dc-vpn-2.cfg');
  const status = page.locator('.statusbar-item', { hasText: 'LB 209.165.202.140' });
  await status.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page
    .locator('.statusbar-item', { hasText: 'split off the group' })
    .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  const lens = page.locator('.codelens-decoration', { hasText: 'this device: split off' });
  await lens.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  const texts = [await status.innerText(), await lens.first().innerText()];
  await workbench.screenshot(screenshot);
  assert.ok(
    !texts.some((t) => /· member$/.test(t)),
    `dc-vpn-2 must not be shown as a member: ${JSON.stringify(texts)}`,
  );
  assert.match(texts[1]!, /uses port 9024, but 2 of 3 members use port 9023/);
  return texts;
}

/** Opens the redirect preview on dc-vpn-3.asa and reads the members table the webview renders. */
export async function previewWebview(workbench: Workbench, screenshot: string): Promise<string> {
  const page = workbench.page;
  await workbench.openFile('dc-vpn-3.asa');
  await workbench.runCommand(`${COMMAND_CATEGORY}: Show Redirect Preview`);
  const tab = page.locator('.tabs-container .tab', { hasText: 'Redirect Preview: dc-vpn-3.asa' });
  await tab.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  // The preview opens beside the editor and leaves the focus there: closing the editor's group and the side bar
  // gives the preview the whole window for the screenshot (a click into the webview would take the keyboard away).
  await workbench.runCommand('View: Close All Editors in Group');
  await workbench.runCommand('View: Close Primary Side Bar');
  const frame = workbench.webview();
  // The page shows the table once the group has arrived from the language server.
  const table = frame.locator('#members');
  for (const member of PREVIEW_MEMBERS)
    await table.locator('tr', { hasText: member.name }).first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  const text = await frame.locator('body').innerText();
  await workbench.screenshot(screenshot);
  assertNoKey(text, 'The redirect preview');
  const rows = await table.locator('tr').allInnerTexts();
  for (const member of PREVIEW_MEMBERS) {
    // A member has a row in each of the members, IPsec and SSL tables.
    const row = rows.filter((r) => r.includes(member.name)).join('\n');
    assert.ok(row, `The preview's members tables have no row for ${member.name}:\n${rows.join('\n')}`);
    assert.ok(
      row.includes(member.publicIp),
      `The preview's row of ${member.name} does not show ${member.publicIp}: ${row}`,
    );
    // dc-vpn-2 listens on port 9024, the others on 9023: it cannot talk to the director and takes no sessions.
    if (member.name === 'dc-vpn-2')
      assert.match(row, /split off/, `The preview's row of dc-vpn-2 should say it is split off: ${row}`);
    else assert.match(row, /\d+\s?%/, `The preview's row of ${member.name} shows no load: ${row}`);
  }
  assert.match(text, /The group splits: dc-vpn-2 uses port 9024, but 2 of 3 members use port 9023/);
  return text;
}

/**
 * VS Code's `webview.cspSource` in a browser workbench: the frame's own origin (code-server) and the CDN domain whose
 * resource host names the webview's service worker answers. With the nonce, `'none'` and `data:` (images), the only
 * sources the preview's policy may name. The domain admits any of its hosts, which is why every request is checked too.
 */
const WEBVIEW_CSP_SOURCES = ["'self'", 'https://*.vscode-cdn.net'];
/** The host names under which a webview asks for local resources; its service worker answers them, not the network. */
const WEBVIEW_RESOURCE_HOST = /\.vscode-resource\.vscode-cdn\.net$/;
/** The preview's `localResourceRoots` inside the installed extension: dist/ (the page script) and client/media/ (the stylesheet). */
const PREVIEW_RESOURCE = /\/asa-lb\.asa-lb-[^/]+\/(dist|client\/media)\/[^/]+$/;
/** What Chromium writes to the console when a policy blocks something (its wording differs by kind and version). */
const CSP_CONSOLE = /Content Security Policy|Refused to (load|execute|connect|apply|frame|create)/i;

/** The preview document's policy and the elements it governs, read inside the webview's content frame. */
interface PreviewDocument {
  policies: { content: string; inHead: boolean }[];
  scripts: { id: string; src: string; nonce: string; afterPolicy: boolean }[];
  stylesheets: { href: string; nonce: string; afterPolicy: boolean; loaded: boolean }[];
}

/** Splits a policy into its directives: `default-src 'none'; img-src data:` → { 'default-src': ["'none'"], … }. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/**
 * Where a request went, or why it is not local: the code-server origin, `data:`, `vscode-webview:` and code-server's
 * own `blob:` URLs are local; a webview resource URL is local only when the webview's service worker answered it from
 * the preview's resource roots (Chromium then never sends it anywhere).
 */
async function outsideRequest(request: Request, origin: string): Promise<string | undefined> {
  const url = new URL(request.url());
  if (url.origin === origin) return undefined;
  if (url.protocol === 'data:' || url.protocol === 'vscode-webview:') return undefined;
  if (url.protocol === 'blob:') return `${url.href}: a blob of another origin`;
  if (url.protocol === 'https:' && WEBVIEW_RESOURCE_HOST.test(url.hostname)) {
    let timer: NodeJS.Timeout | undefined;
    const response = await Promise.race([
      request.response(),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 5_000))),
    ]).finally(() => clearTimeout(timer));
    if (!response?.fromServiceWorker())
      return `${url.href}: a webview resource the service worker did not answer (${request.failure()?.errorText ?? 'no response'})`;
    if (!PREVIEW_RESOURCE.test(url.pathname)) return `${url.href}: a file outside the preview's resource roots`;
    return undefined;
  }
  return `${url.href} (${request.resourceType()} from ${request.frame()?.url().split('?')[0] ?? 'a service worker'})`;
}

/** Every request and WebSocket of the recording stays on the code-server origin or is served inside the browser. */
async function assertNothingFromOutside(recording: Recording, origin: string): Promise<void> {
  const outside: string[] = [];
  for (const request of recording.requests) {
    const why = await outsideRequest(request, origin);
    if (why) outside.push(why);
  }
  const host = new URL(origin).host;
  for (const socket of recording.webSockets) if (new URL(socket).host !== host) outside.push(`WebSocket ${socket}`);
  assert.deepEqual(
    outside,
    [],
    `While the preview was open, the page asked for something outside code-server (${origin}):\n${outside.join('\n')}`,
  );
  // The recording saw the preview's own files, answered by the service worker: it watched the right frames.
  const resources = recording.requests
    .map((r) => new URL(r.url()))
    .filter((url) => WEBVIEW_RESOURCE_HOST.test(url.hostname))
    .map((url) => url.pathname);
  for (const file of ['/dist/webview.js', '/client/media/preview.css']) {
    assert.ok(
      resources.some((path) => path.endsWith(file)),
      `The recording saw no request for the preview's ${file}; it saw:\n${recording.requests.map((r) => r.url()).join('\n')}`,
    );
  }
}

/** The preview document carries one policy, before everything it governs: nothing by default, scripts by nonce only. */
function assertPolicy(page: PreviewDocument): void {
  assert.equal(
    page.policies.length,
    1,
    `The preview should carry exactly one Content-Security-Policy meta element: ${JSON.stringify(page.policies)}`,
  );
  const policy = page.policies[0]!;
  assert.ok(policy.inHead, 'The Content-Security-Policy meta element is not in the head');
  const policyOf = directives(policy.content);
  assert.deepEqual(
    policyOf.get('default-src'),
    ["'none'"],
    `The policy's default-src is not 'none': ${policy.content}`,
  );
  const scriptSources = policyOf.get('script-src') ?? [];
  assert.equal(scriptSources.length, 1, `script-src must allow the nonce and nothing else: ${policy.content}`);
  const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(scriptSources[0]!)?.[1];
  assert.ok(nonce, `script-src is not a 128-bit nonce: ${policy.content}`);
  const allowed = new Set(["'none'", `'nonce-${nonce}'`, 'data:', ...WEBVIEW_CSP_SOURCES]);
  for (const [name, sources] of policyOf) {
    const others = sources.filter((source) => !allowed.has(source));
    assert.deepEqual(others, [], `The policy's ${name} allows more than the webview's own sources: ${policy.content}`);
  }

  // VS Code adds its own acquireVsCodeApi script (`_vscodeApiScript`) to the document; every other script is the page's.
  const scripts = page.scripts.filter((s) => s.id !== '_vscodeApiScript');
  assert.equal(scripts.length, 1, `The preview should have one script of its own: ${JSON.stringify(scripts)}`);
  const script = scripts[0]!;
  assert.ok(
    PREVIEW_RESOURCE.test(new URL(script.src).pathname) && script.src.endsWith('/dist/webview.js'),
    `The preview's script is not dist/webview.js: ${script.src}`,
  );
  assert.equal(script.nonce, nonce, "The page script does not carry the policy's nonce");
  assert.ok(script.afterPolicy, 'The page script comes before the policy, which then does not govern it');
  assert.equal(
    page.stylesheets.length,
    1,
    `The preview should have one stylesheet: ${JSON.stringify(page.stylesheets)}`,
  );
  const sheet = page.stylesheets[0]!;
  assert.ok(
    PREVIEW_RESOURCE.test(new URL(sheet.href).pathname) && sheet.href.endsWith('/client/media/preview.css'),
    `The preview's stylesheet is not client/media/preview.css: ${sheet.href}`,
  );
  assert.equal(sheet.nonce, nonce, "The stylesheet does not carry the policy's nonce");
  assert.ok(sheet.afterPolicy, 'The stylesheet comes before the policy, which then does not govern it');
  assert.ok(sheet.loaded, 'The stylesheet did not load under the policy');
}

/**
 * Opens a fresh redirect preview while recording the page and proves that its content-security policy lets nothing
 * load from outside: every request of the page, its frames and service workers stays on code-server or inside the
 * browser; the document in the webview's content frame carries the policy (`default-src 'none'`, scripts by nonce only)
 * ahead of its script and stylesheet; and Chromium reports no policy violation, neither to DevTools nor on the console.
 */
export async function previewIsolation(workbench: Workbench, screenshot: string): Promise<PreviewDocument> {
  const page = workbench.page;
  const origin = new URL(page.url()).origin;
  // The preview the step before left open goes first, so that the whole load of the new one happens under watch.
  await workbench.runCommand('View: Close All Editors');
  await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  const recording = workbench.record();
  let preview: PreviewDocument;
  try {
    await workbench.openFile('dc-vpn-1.cfg');
    await workbench.runCommand(`${COMMAND_CATEGORY}: Show Redirect Preview`);
    await page
      .locator('.tabs-container .tab', { hasText: 'Redirect Preview: dc-vpn-1.cfg' })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    const frame = workbench.webview();
    const table = frame.locator('#members');
    for (const member of PREVIEW_MEMBERS)
      await table.locator('tr', { hasText: member.name }).first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    // No named functions inside: the function runs in the page as its source text.
    preview = await frame.locator(':root').evaluate((root): PreviewDocument => {
      const doc = root.ownerDocument;
      const metas = Array.from(doc.querySelectorAll('meta')).filter(
        (m) => m.httpEquiv.toLowerCase() === 'content-security-policy',
      );
      const first = metas[0];
      return {
        policies: metas.map((m) => ({ content: m.content, inHead: m.parentElement === doc.head })),
        scripts: Array.from(doc.scripts).map((s) => ({
          id: s.id,
          src: s.src,
          nonce: s.nonce ?? '',
          afterPolicy:
            first !== undefined && (first.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        })),
        stylesheets: Array.from(doc.querySelectorAll('link'))
          .filter((l) => l.rel === 'stylesheet')
          .map((l) => ({
            href: l.href,
            nonce: l.nonce ?? '',
            afterPolicy:
              first !== undefined && (first.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
            loaded: l.sheet !== null,
          })),
      };
    });
    await workbench.screenshot(screenshot);
  } finally {
    recording.stop();
  }
  assertPolicy(preview);
  await assertNothingFromOutside(recording, origin);
  assert.deepEqual(
    recording.cspViolations,
    [],
    'Chromium reported content-security-policy violations while the preview was open',
  );
  const refused = recording.console.filter((message) => CSP_CONSOLE.test(message));
  assert.deepEqual(refused, [], 'The console shows content-security-policy violations while the preview was open');
  return preview;
}

/**
 * Edits dc-vpn-1.cfg as a user would (priority 9 → 6, unsaved), runs *ASA VPN LB: Copy Change Script* from the command
 * palette, and reads the new untitled editor: the script with the device's prompts. Everything is reverted after.
 */
export async function changeScriptEditor(workbench: Workbench, screenshot: string): Promise<string[]> {
  const page = workbench.page;
  await workbench.openFile('dc-vpn-1.cfg');
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.type('36');
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: 'Ln 36, Col 1' }).waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('6');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  try {
    await workbench.runCommand(`${COMMAND_CATEGORY}: Copy Change Script`);
    await page
      .locator('.tabs-container .tab.active', { hasText: 'Untitled' })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'write memory' }).waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    const lines = (await editor.locator('.view-lines .view-line').allInnerTexts()).map((l) =>
      l.replace(/\u00a0/g, ' '),
    );
    await workbench.screenshot(screenshot);
    assertNoKey(lines.join('\n'), 'The change script editor');
    assert.ok(
      lines.some((l) => l.includes('dc-vpn-1(config-load-balancing)# priority 6')),
      `The script does not set priority 6: ${lines.join(' | ')}`,
    );
    return lines;
  } finally {
    await workbench.runCommand('View: Revert and Close Editor');
    await workbench.openFile('dc-vpn-1.cfg');
    await workbench.runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  }
}

/**
 * Runs *New Load-Balancing Group…* from the command palette and answers every step from the keyboard, as a user
 * would, for a group of one member named dc-vpn-3 — a device whose configuration is already in the workspace. The
 * member's configuration opens in a new editor; the change script that makes dc-vpn-3 that member is offered, and
 * opens with the device's prompts. Both editors are closed after.
 */
export async function newGroupFlow(
  workbench: Workbench,
  screenshot: string,
): Promise<{ config: string[]; script: string[] }> {
  const page = workbench.page;
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  /** Waits for the step whose title or prompt shows `shown`, types `text` over what is there (unless null), presses Enter. */
  const answer = async (shown: string, text: string | null): Promise<void> => {
    await page.locator('.quick-input-widget', { hasText: shown }).waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    if (text !== null) await input.fill(text);
    await page.keyboard.press('Enter');
  };
  const editorLines = async (): Promise<string[]> =>
    (
      await page.locator('.editor-instance .monaco-editor').first().locator('.view-lines .view-line').allInnerTexts()
    ).map((l) => l.replace(/\u00a0/g, ' '));

  // The editor focused again once the two new editors are closed: a text editor, so that the keyboard reaches the
  // workbench after this step (a webview that got the focus back would take the next steps' keys).
  await workbench.openFile('dc-vpn-1.cfg');
  await workbench.openQuickInput('F1');
  const title = `${COMMAND_CATEGORY}: New Load-Balancing Group…`;
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-widget .monaco-list-row.focused', { hasText: title })
    .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.press('Enter');
  await answer('Virtual address', '209.165.202.150');
  await answer('Virtual IPv6 address', null);
  await answer('Cluster port', null);
  await answer('Encrypt member messages', null);
  await answer('Cluster key', null);
  await answer('Interfaces', null);
  await answer('How many members', '1');
  await answer('Hostname', 'dc-vpn-3');
  await answer('Public interface address of dc-vpn-3', '209.165.202.132/27');
  await answer('Private interface address of dc-vpn-3', '10.20.0.13/24');
  await answer('Priority of dc-vpn-3', null);
  await answer('Where to write', null);
  try {
    // The member's configuration, in a new editor.
    await page
      .locator('.editor-instance .view-line', { hasText: 'cluster ip address 209.165.202.150' })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    const config = await editorLines();
    assert.ok(
      config.some((l) => l.trim() === 'hostname dc-vpn-3'),
      `The member configuration: ${config.join(' | ')}`,
    );
    // dc-vpn-3.asa is in the workspace: its change script is offered, picked already.
    await answer('Change scripts for members already in the workspace', null);
    await page
      .locator('.editor-instance .view-line', {
        hasText: 'dc-vpn-3(config-load-balancing)# cluster ip address 209.165.202.150',
      })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    const script = await editorLines();
    await workbench.screenshot(screenshot);
    assertNoKey([...config, ...script].join('\n'), 'New Group');
    assert.ok(
      script.some((l) => l.startsWith('dc-vpn-3(config)# vpn load-balancing')),
      `The change script: ${script.join(' | ')}`,
    );
    // Joining adds the group and removes nothing the device has; the group key, left out of the files, is typed by hand.
    assert.ok(!script.some((l) => /# no /.test(l)), `The change script removes something: ${script.join(' | ')}`);
    assert.ok(
      script.some((l) => l.includes('Type here: cluster key')),
      `The change script does not say where to type the key: ${script.join(' | ')}`,
    );
    return { config, script };
  } finally {
    await workbench.runCommand('View: Revert and Close Editor');
    await workbench.runCommand('View: Revert and Close Editor');
    await page
      .locator('.tabs-container .tab.active', { hasText: 'dc-vpn-1.cfg' })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  }
}
