// What every CLI command returns, and the shared handling of input files and bad input (exit status 2, one line).
import { readFile } from 'node:fs/promises';

/** What a command produced; the CLI main writes the streams and exits, so commands stay testable. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Exit status for bad usage, unreadable files and invalid input, as every `asa-lb` command documents it (README “The command line”). */
export const EXIT_BAD_INPUT = 2;

/** Reads a file, or standard input for `-`; never throws, so every failure becomes one line on stderr. */
export async function readInput(path: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
    }
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    return { ok: false, error: `cannot read ${path}: ${readReason(error)}` };
  }
}

export function badInput(message: string): CommandResult {
  return { stdout: '', stderr: `${oneLine(message)}\n`, exitCode: EXIT_BAD_INPUT };
}

function readReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The message on one line: each line break, with the white space around it, becomes one space. */
function oneLine(message: string): string {
  const lines = message.split('\n');
  return lines
    .map((line, i) => (i > 0 ? line.trimStart() : line))
    .map((line, i) => (i < lines.length - 1 ? line.trimEnd() : line))
    .join(' ');
}
