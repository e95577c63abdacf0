// How many language servers the product runs in a workbench, seen two ways: the processes alive now (the bundled
// server of the installed extension, found in the process table), and the starts the extension logged in each
// window's session (its output channel, one log folder per extension host), so a server that started and died is
// counted too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCT_NAME } from '../../../client/src/product';

/** The line the extension logs each time it starts its server. */
const START_LINE = /Starting the language server \(/g;
const RUNNING_LINE = /The language server is running in the [a-zA-Z ]+ extension host \(/g;

/** The pids of the language servers running from an extensions folder (Linux: read from /proc). */
export function serverProcesses(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let command: string;
    try {
      command = readFileSync(join('/proc', entry, 'cmdline'), 'utf8');
    } catch {
      continue; // The process ended meanwhile.
    }
    const args = command.split('\0');
    if (args.some((arg) => arg.startsWith(`${extensionsDir}/`) && arg.endsWith('/dist/server.js')))
      pids.push(Number(entry));
  }
  return pids;
}

export interface SessionLog {
  /** The extension host's log folder, e.g. `20261206T175726/exthost2`. */
  session: string;
  starts: number;
  running: number;
}

/** The product's own log of every extension-host session in `logsDir`, with its server starts counted. */
export function serverStarts(logsDir: string): SessionLog[] {
  const sessions: SessionLog[] = [];
  if (!existsSync(logsDir)) return sessions;
  for (const window of readdirSync(logsDir)) {
    for (const host of readdirSync(join(logsDir, window)).filter((name) => name.startsWith('exthost'))) {
      const file = join(logsDir, window, host, 'asa-lb.asa-lb', `${PRODUCT_NAME}.log`);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      sessions.push({
        session: `${window}/${host}`,
        starts: text.match(START_LINE)?.length ?? 0,
        running: text.match(RUNNING_LINE)?.length ?? 0,
      });
    }
  }
  return sessions.sort((a, b) => a.session.localeCompare(b.session, undefined, { numeric: true }));
}

/**
 * When (epoch ms) the newest extension host of the workbench started, from its own log ("Extension host with pid N
 * started", in this machine's local time): the moment from which extensions can do anything in a window.
 */
export function extensionHostStarted(logsDir: string): number | undefined {
  let newest: number | undefined;
  if (!existsSync(logsDir)) return undefined;
  for (const window of readdirSync(logsDir)) {
    for (const host of readdirSync(join(logsDir, window)).filter((name) => name.startsWith('exthost'))) {
      const file = join(logsDir, window, host, 'remoteexthost.log');
      if (!existsSync(file)) continue;
      const line = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[info\] Extension host with pid \d+ started/m.exec(
        readFileSync(file, 'utf8'),
      );
      if (!line) continue;
      // Without a zone, Date reads the time as local time, as the log wrote it.
      const at = new Date(`${line[1]}T${line[2]}`).getTime();
      if (newest === undefined || at > newest) newest = at;
    }
  }
  return newest;
}

/** Resolves with the result of `probe` once `done` accepts it; gives up after `timeoutMs` and returns the last result. */
export async function poll<T>(probe: () => T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = probe();
  }
  return value;
}
