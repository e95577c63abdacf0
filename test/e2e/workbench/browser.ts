// Debian's headless Chromium, driven by playwright-core, on a code-server workbench: opening it, running commands
// through the command palette as a user would, clearing the workbench's own notifications, and recording what the
// page and its frames load and report while a step runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  chromium,
  type Browser,
  type ConsoleMessage,
  type FrameLocator,
  type Locator,
  type Page,
  type Request,
  type WebSocket,
} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The flags verified on these machines (E2E.md): no sandbox as root, no GPU, nothing that calls home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long one UI step may take; the extension host and the browser share two cores. */
export const UI_WAIT_MS = 30_000;

/** A content-security-policy violation, as Chromium reports it to DevTools (an `Audits` issue), in any frame of the page. */
export interface CspViolation {
  directive: string;
  /** The URL the policy blocked; empty for inline scripts and styles. */
  blockedUrl: string;
  /** Where the violation happened: the script or document, when Chromium knows it. */
  source: string;
}

/**
 * What the page did between `Workbench.record()` and `stop()`: every request of the page, its frames (webview iframes
 * included) and its service workers; the WebSockets it opened; its console messages, frames included; and the
 * content-security-policy violations Chromium reported.
 */
export class Recording {
  readonly requests: Request[] = [];
  readonly webSockets: string[] = [];
  readonly console: string[] = [];
  private readonly stops: (() => void)[] = [];
  private readonly violationsBefore: number;

  constructor(
    page: Page,
    private readonly violations: CspViolation[],
  ) {
    this.violationsBefore = violations.length;
    const context = page.context();
    const onRequest = (request: Request): void => void this.requests.push(request);
    const onWebSocket = (socket: WebSocket): void => void this.webSockets.push(socket.url());
    const onConsole = (message: ConsoleMessage): void =>
      void this.console.push(`${message.type()}: ${message.text()} (at ${message.location().url || 'no url'})`);
    context.on('request', onRequest);
    page.on('websocket', onWebSocket);
    page.on('console', onConsole);
    this.stops.push(
      () => context.off('request', onRequest),
      () => page.off('websocket', onWebSocket),
      () => page.off('console', onConsole),
    );
  }

  /** The violations reported since the recording started. */
  get cspViolations(): CspViolation[] {
    return this.violations.slice(this.violationsBefore);
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

export class Workbench {
  /** Errors the page reported (uncaught exceptions, console errors), for failure messages and the artefacts. */
  readonly pageErrors: string[] = [];
  /** Every content-security-policy violation Chromium reported for the page or one of its frames since it opened. */
  private readonly cspViolations: CspViolation[] = [];
  /** Rejects when the page crashes or closes, so that nobody waits for a workbench that is gone. */
  readonly failed: Promise<never>;

  private constructor(
    private readonly browser: Browser,
    private readonly home: string,
    readonly page: Page,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      page.on('crash', () => reject(new Error('The workbench page crashed.')));
      page.on('close', () => reject(new Error('The workbench page closed.')));
    });
    // Nobody may be waiting yet; an unobserved rejection must not end the test process.
    this.failed.catch(() => undefined);
    page.on('pageerror', (error) => this.pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) this.pageErrors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  }

  /** Starts Chromium and opens the workbench; the extension host starts as the page loads. */
  static async open(url: string): Promise<Workbench> {
    // Chromium keeps crash reports and caches under the XDG folders even with a temporary profile: keep them in a
    // folder of this run, not in the user's home.
    const home = mkdtempSync(join(tmpdir(), 'asa-lb-e2e-chromium-'));
    const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true, env });
    try {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      const workbench = new Workbench(browser, home, page);
      // DevTools' issues report every policy violation of every frame in the page's process, the webviews' included,
      // from the first one: a listener the page could install would come too late for a violation while it loads.
      const devtools = await context.newCDPSession(page);
      devtools.on('Audits.issueAdded', ({ issue }) => {
        const details = issue.details.contentSecurityPolicyIssueDetails;
        if (issue.code !== 'ContentSecurityPolicyIssue' || !details) return;
        const where = details.sourceCodeLocation;
        workbench.cspViolations.push({
          directive: details.violatedDirective,
          blockedUrl: details.blockedURL ?? '',
          source: where ? `${where.url || 'an evaluated script'}:${where.lineNumber + 1}` : 'unknown',
        });
      });
      await devtools.send('Audits.enable');
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      return workbench;
    } catch (error) {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      rmSync(this.home, { recursive: true, force: true });
    }
  }

  /**
   * Opens the quick input as `key` does (F1: commands, Control+P: files). A webview that holds the focus can keep the
   * key from the workbench; then the title bar's command centre opens it, as a mouse user would.
   */
  async openQuickInput(key: 'F1' | 'Control+P'): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget input');
    await this.page.keyboard.press(key);
    if (
      await input.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      return input;
    await this.page.locator('.command-center .action-item.command-center-center').click();
    await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    // The command centre opens the file picker; the command palette is its '>' prefix.
    if (key === 'F1') await input.fill('>');
    return input;
  }

  /** Runs a command by its title through the command palette (F1), as a user would. */
  async runCommand(title: string): Promise<void> {
    const page = this.page;
    const input = await this.openQuickInput('F1');
    await input.fill(`>${title}`);
    // The palette filters as it is typed; the exact title must be the focused row before Enter runs it.
    const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title });
    await row.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
  }

  /**
   * Runs a command as soon as the palette offers it: an extension installed while the workbench runs contributes its
   * commands a moment after the install. Tries again until `timeoutMs`.
   */
  async runCommandWhenOffered(title: string, timeoutMs: number): Promise<void> {
    const page = this.page;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const input = await this.openQuickInput('F1');
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title });
      const offered = await row.waitFor({ state: 'visible', timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      if (offered) {
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
        return;
      }
      await page.keyboard.press('Escape');
      if (Date.now() > deadline)
        throw new Error(`The command palette did not offer '${title}' within ${timeoutMs / 1000} s`);
    }
  }

  /** Reloads the window (Developer: Reload Window) and resolves when the new workbench shows; returns when it started. */
  async reloadWindow(): Promise<number> {
    const page = this.page;
    const navigated = page.waitForEvent('framenavigated', {
      predicate: (frame) => frame === page.mainFrame(),
      timeout: 60_000,
    });
    const input = await this.openQuickInput('F1');
    await input.fill('>Developer: Reload Window');
    await page
      .locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Developer: Reload Window' })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    await page.keyboard.press('Enter');
    await navigated;
    const started = Date.now();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return started;
  }

  /** The language the status bar shows for the active editor ("Cisco ASA", "Properties", "Plain Text"). */
  async languageMode(): Promise<string> {
    return (await this.page.locator('[id="status.editor.mode"]').innerText({ timeout: UI_WAIT_MS })).trim();
  }

  /**
   * Opens a file through Quick Open and waits until its editor is the active tab: a name in the workspace, or an
   * absolute path (which Quick Open also accepts) for a file outside it; `tab` is the editor's title.
   */
  async openFile(name: string, tab: string = basename(name)): Promise<void> {
    const page = this.page;
    const input = await this.openQuickInput('Control+P');
    await input.fill(name);
    await page
      .locator('.quick-input-widget .monaco-list-row.focused', { hasText: tab })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    await page.keyboard.press('Enter');
    await page
      .locator('.tabs-container .tab.active', { hasText: tab })
      .waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    await page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  }

  /** Clears notifications (extension recommendations, "restricted mode" notes) so they cover nothing in screenshots. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page
      .locator('.notifications-toasts .notification-toast')
      .first()
      .waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  }

  /**
   * The page of the visible webview. VS Code hosts a webview in an iframe (`iframe.webview`, `.ready` once set up)
   * and loads the extension's page into an inner iframe that becomes `#active-frame` when it has loaded. The frames
   * carry no title, so the pass keeps one webview open at a time.
   */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Starts recording what the page loads and reports; `stop()` ends it. */
  record(): Recording {
    return new Recording(this.page, this.cspViolations);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
