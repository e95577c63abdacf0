// One code-server for one run of the suite: a fresh copy of the fixture workspace, fresh user data and extensions
// folders with the packaged product and the harness installed, served on 127.0.0.1 on a port the system picks.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { SuiteResults } from '../harness/src/results';
import { RESULTS_ENV, SUITE_ENV } from '../harness/src/results';
import { PRODUCT_NAME } from '../../../client/src/product';
import { ROOT } from './build';
import { GroupProcess, run, tail } from './processes';
import { QUIET_SETTINGS } from './settings';

export const FIXTURE = join(ROOT, 'test', 'fixtures', 'e2e', 'group');

export interface WorkbenchOptions {
  entry: string;
  /** The packages installed before the workbench starts (none for a fresh install while it runs). */
  vsixes: string[];
  /** The harness suite the workbench runs, or a name of the run for a workbench without the harness. */
  suite: string;
  /** The folder copied as the workspace; the three-member group by default. */
  fixture?: string;
  /** True to keep workspace trust on, so the fresh workspace opens in Restricted Mode. */
  workspaceTrust: boolean;
  /** User settings on top of the quiet ones. */
  settings?: Readonly<Record<string, unknown>>;
}

export class CodeServer {
  private constructor(
    readonly url: string,
    readonly folder: string,
    readonly resultsFile: string,
    private readonly dir: string,
    private readonly server: GroupProcess,
    private readonly cli: { entry: string; args: string[]; env: NodeJS.ProcessEnv },
  ) {}

  static async start(options: WorkbenchOptions): Promise<CodeServer> {
    const dir = mkdtempSync(join(tmpdir(), `asa-lb-e2e-${options.suite}-`));
    const fixture = options.fixture ?? FIXTURE;
    const folder = join(dir, basename(fixture));
    cpSync(fixture, folder, { recursive: true });
    const userData = join(dir, 'user-data');
    const extensions = join(dir, 'extensions');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(
      join(userData, 'User', 'settings.json'),
      JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
    );
    // An explicit config file keeps code-server from writing one into the user's home.
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'auth: none\n');
    const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
    const env = {
      ...process.env,
      // code-server keeps its own state under the XDG folders: keep it inside this run's folder too.
      XDG_DATA_HOME: join(dir, 'xdg-data'),
      XDG_CONFIG_HOME: join(dir, 'xdg-config'),
      XDG_CACHE_HOME: join(dir, 'xdg-cache'),
      [RESULTS_ENV]: join(dir, 'results', 'results.json'),
      [SUITE_ENV]: options.suite,
    };
    mkdirSync(join(dir, 'results'));

    // Without a package to install, code-server's command line would start serving instead.
    if (options.vsixes.length > 0) {
      const installed = await run(
        process.execPath,
        [options.entry, ...common, ...options.vsixes.flatMap((v) => ['--install-extension', v])],
        { env },
      );
      const count = (installed.stdout.match(/was successfully installed/g) ?? []).length;
      if (count !== options.vsixes.length)
        throw new Error(
          `code-server installed ${count} of ${options.vsixes.length} extensions:\n${tail(installed.stdout + installed.stderr, 30)}`,
        );
    }

    const server = GroupProcess.start(
      process.execPath,
      [
        options.entry,
        ...common,
        '--auth',
        'none',
        '--bind-addr',
        '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-getting-started-override',
        ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
        folder,
      ],
      { env },
    );
    try {
      const match = await server.waitForOutput(/HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//, 60_000);
      return new CodeServer(match[1]!, folder, env[RESULTS_ENV], dir, server, {
        entry: options.entry,
        args: common,
        env,
      });
    } catch (error) {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The workbench page of the fixture folder. */
  get workbenchUrl(): string {
    return `${this.url}/?folder=${encodeURIComponent(this.folder)}`;
  }

  /** The folder code-server installs extensions into. */
  get extensionsDir(): string {
    return join(this.dir, 'extensions');
  }

  /** The workbench's logs: one folder per session, with the extension host's and the extensions' logs inside. */
  get logsDir(): string {
    return join(this.dir, 'user-data', 'logs');
  }

  /**
   * Installs a package while the workbench runs, with code-server's own command line as a user would; the running
   * workbench notices the new extension and starts it without a reload.
   */
  async install(vsix: string): Promise<void> {
    const { stdout, stderr } = await run(
      process.execPath,
      [this.cli.entry, ...this.cli.args, '--install-extension', vsix],
      { env: this.cli.env },
    );
    if (!/was successfully installed/.test(stdout))
      throw new Error(`code-server did not install ${vsix}:\n${tail(stdout + stderr, 30)}`);
  }

  /** code-server's own output, for failure messages. */
  get output(): string {
    return this.server.output;
  }

  /**
   * Resolves with the harness's results as soon as the file appears; rejects if code-server exits first, if `failed`
   * rejects (the browser page crashed), or after `timeoutMs`.
   */
  waitForResults(timeoutMs: number, failed: Promise<never>): Promise<SuiteResults> {
    const file = this.resultsFile;
    return new Promise<SuiteResults>((resolve, reject) => {
      let settled = false;
      const done = (action: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        watcher.close();
        action();
      };
      const check = (): void => {
        if (existsSync(file)) done(() => resolve(JSON.parse(readFileSync(file, 'utf8')) as SuiteResults));
      };
      const watcher = watch(dirname(file), check);
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new Error(
                `The harness wrote no results within ${timeoutMs / 1000} s. code-server's output ends with:\n${tail(this.server.output, 30)}\n${this.extensionHostLog()}`,
              ),
            ),
          ),
        timeoutMs,
      );
      void this.server.exited.then(() =>
        done(() =>
          reject(new Error(`code-server exited before the harness finished:\n${tail(this.server.output, 30)}`)),
        ),
      );
      failed.catch((error: unknown) => done(() => reject(error)));
      check();
    });
  }

  /** The tail of the extension host's log and of the product's output channel, to explain a harness that never reported. */
  extensionHostLog(): string {
    const logs = join(this.dir, 'user-data', 'logs');
    if (!existsSync(logs)) return '(no logs)';
    const found: string[] = [];
    const walk = (path: string): void => {
      for (const entry of readdirSafe(path)) {
        const full = join(path, entry);
        if (entry.endsWith('.log') && (/exthost/i.test(full) || full.includes(PRODUCT_NAME)))
          found.push(`--- ${full.slice(logs.length + 1)}\n${tail(readFileSync(full, 'utf8'), 20)}`);
        else if (!entry.includes('.')) walk(full);
      }
    };
    walk(logs);
    return found.join('\n') || '(no extension host log)';
  }

  /** Keeps the logs beside the other artefacts, stops code-server and everything it started, and deletes the run's folder. */
  async stop(keepLogsIn: string): Promise<void> {
    try {
      await this.server.stop();
    } finally {
      const logs = join(this.dir, 'user-data', 'logs');
      if (existsSync(logs)) {
        rmSync(keepLogsIn, { recursive: true, force: true });
        cpSync(logs, keepLogsIn, { recursive: true });
      }
      writeFileSync(join(dirname(keepLogsIn), `${basename(keepLogsIn)}-code-server.log`), this.server.output);
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
