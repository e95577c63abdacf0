// Child processes for the end-to-end test: run a command to completion with its output kept for the failure message,
// and start long-lived servers in a process group of their own, so that stopping one stops everything it started.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

export interface Finished {
  stdout: string;
  stderr: string;
}

/** Runs a command and resolves with its output; rejects with the output's tail when it exits with another status than 0. */
export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}:\n${tail(stderr || stdout, 40)}`));
    });
  });
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Every group started here, so that an exit of the test process (even on a thrown error) still stops them. */
const groups = new Set<number>();
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** A process started as the leader of its own group, with its output collected. */
export class GroupProcess {
  output = '';
  readonly exited: Promise<void>;

  private constructor(readonly child: ChildProcess) {
    groups.add(child.pid!);
    const collect = (chunk: Buffer): void => {
      this.output += chunk.toString();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = once(child, 'exit').then(() => undefined);
  }

  static start(command: string, args: readonly string[], options: SpawnOptions = {}): GroupProcess {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) throw new Error(`Could not start ${command}`);
    return new GroupProcess(child);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves when the output matches `pattern`; rejects when the process exits first or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const check = (): void => {
        const match = pattern.exec(this.output);
        if (match) done(() => resolve(match));
      };
      const onExit = (): void =>
        done(() => reject(new Error(`The process exited before printing ${pattern}:\n${tail(this.output, 40)}`)));
      const timer = setTimeout(
        () => done(() => reject(new Error(`No ${pattern} within ${timeoutMs / 1000} s:\n${tail(this.output, 40)}`))),
        timeoutMs,
      );
      const done = (action: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.child.stdout!.off('data', check);
        this.child.stderr!.off('data', check);
        this.child.off('exit', onExit);
        action();
      };
      this.child.stdout!.on('data', check);
      this.child.stderr!.on('data', check);
      this.child.once('exit', onExit);
      check();
      if (!this.running) onExit();
    });
  }

  /** Stops the whole group: SIGTERM, then SIGKILL for whatever still runs after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    const pid = this.child.pid!;
    killGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
    if (this.running) await this.exited;
    clearTimeout(timer);
    // The leader may exit before its children (the extension host, the language server): end them too.
    killGroup(pid, 'SIGKILL');
    groups.delete(pid);
  }
}
