// Runs the redirect preview page in Debian's headless Chromium: bundles the page into a temporary folder, serves it
// from a small HTTP server on 127.0.0.1 with the exact HTML the extension generates (fresh nonce per load), and
// injects a stand-in for VS Code's `acquireVsCodeApi` that forwards the page's messages to a StandInHost.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, previewHtml } from '../../client/src/preview/preview-html';
import type { HostMessage, PageMessage } from '../../client/src/preview/messages';
import type { StandInHost } from './standin-host';
import { THEMES, type ThemeName } from './themes';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, '.artifacts', 'webview');
const STANDIN_SCRIPT = join(import.meta.dirname, 'vscode-standin.js');

/** The flags the project runs Chromium with on these machines (E2E.md). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PreviewPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
  /** Sends a message from the host, as `webview.postMessage` would. */
  push(message: HostMessage): Promise<void>;
  /** Waits until the page finished the simulation runs that `action` starts. */
  settle(action: () => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

export class Harness {
  /** The page under test and what the current `open` records; one page serves every test, as opening one is slow. */
  private current: {
    host: StandInHost;
    uri: string;
    session: number;
    requests: string[];
    dialogs: string[];
    consoleErrors: string[];
  } | null = null;
  private sessions = 0;

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly server: Server,
    readonly origin: string,
    private readonly buildDir: string,
    /** Paths the HTTP server was asked for. */
    readonly served: string[],
  ) {}

  static async start(): Promise<Harness> {
    const buildDir = mkdtempSync(join(tmpdir(), 'asa-lb-webview-'));
    await promisify(execFile)(process.execPath, ['esbuild.config.mjs', `--outdir=${buildDir}`, '--only=webview'], {
      cwd: ROOT,
    });
    const served: string[] = [];
    const files: Record<string, { path: string; type: string }> = {
      '/dist/webview.js': { path: join(buildDir, 'webview.js'), type: 'text/javascript' },
      '/media/preview.css': { path: join(ROOT, 'client', 'media', 'preview.css'), type: 'text/css' },
    };
    let origin = '';
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', origin).pathname;
      served.push(path);
      // Browsers ask for an icon on their own; VS Code does not, so it gets no content (and causes no console error).
      if (path === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      if (path === '/') {
        const html = previewHtml({
          cspSource: origin,
          nonce: createNonce(),
          scriptUri: `${origin}/dist/webview.js`,
          styleUri: `${origin}/media/preview.css`,
        });
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      const file = files[path];
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type }).end(readFileSync(file.path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
      const context = await browser.newContext({ deviceScaleFactor: 1 });
      const page = await context.newPage();
      const harness = new Harness(browser, page, server, origin, buildDir, served);
      await harness.listen();
      return harness;
    } catch (error) {
      // Without Chromium the listening server would keep the process alive for ever: close what was opened.
      await browser?.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(buildDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Wires the page once: its records go to the current test, its messages to the current stand-in host. */
  private async listen(): Promise<void> {
    const { page } = this;
    page.on('request', (request) => this.current?.requests.push(request.url()));
    page.on('dialog', (dialog) => {
      this.current?.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.current?.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.current?.consoleErrors.push(error.message));
    await page.exposeBinding('__asaLbHost', async (_source, message: PageMessage) => {
      const current = this.current;
      if (!current) return;
      const reply = message.type === 'ready' ? current.host.groupMessage(current.uri) : current.host.answer(message);
      // The host answers after the page's call returns, as VS Code's message passing does; a late answer for an
      // earlier test's page is dropped.
      if (reply)
        queueMicrotask(() => void (this.current?.session === current.session ? this.dispatch(reply) : undefined));
    });
    await page.addInitScript({ content: `window.__asaLbThemes = ${JSON.stringify(THEMES)};` });
    await page.addInitScript({ path: STANDIN_SCRIPT });
  }

  private dispatch(message: HostMessage): Promise<void> {
    return this.page
      .evaluate((data) => void window.dispatchEvent(new MessageEvent('message', { data })), message)
      .catch(() => undefined);
  }

  /**
   * Opens the preview following `uri`, answered by `host`, in a VS Code theme. Each open is a new session: its saved
   * state starts empty (the stand-in keys sessionStorage by the `session` query), and a reload keeps it.
   */
  async open(
    host: StandInHost,
    uri: string,
    options: { theme?: ThemeName; width?: number } = {},
  ): Promise<PreviewPage> {
    const { page } = this;
    const session = ++this.sessions;
    const current = {
      host,
      uri,
      session,
      requests: [] as string[],
      dialogs: [] as string[],
      consoleErrors: [] as string[],
    };
    this.current = current;
    await page.setViewportSize({ width: options.width ?? 1180, height: 900 });
    await page.goto(`${this.origin}/?session=${session}&theme=${options.theme ?? 'dark'}`);
    await page.waitForFunction(() => document.getElementById('app')?.dataset['runs'] !== undefined);

    const runs = (): Promise<number> =>
      page.evaluate(() => Number(document.getElementById('app')?.dataset['runs'] ?? 0));
    return {
      page,
      requests: current.requests,
      dialogs: current.dialogs,
      consoleErrors: current.consoleErrors,
      push: (message) => this.dispatch(message),
      async settle(action) {
        const before = await runs();
        await action();
        await page.waitForFunction((n) => {
          const app = document.getElementById('app');
          return Number(app?.dataset['runs'] ?? 0) > n && app?.getAttribute('aria-busy') === 'false';
        }, before);
      },
      close: async () => {
        await page.goto('about:blank');
        if (this.current === current) this.current = null;
      },
    };
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.buildDir, { recursive: true, force: true });
  }
}
