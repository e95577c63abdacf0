// Runs a list of checks, device or group, so that a failing check never takes the others (or the server) down:
// its exception becomes one `internal-error` diagnostic where the caller reports it.
import type { Diagnostic } from '../types';

/** A check with the name its internal error gives. */
export type NamedCheck<Context> = readonly [name: string, check: (ctx: Context) => void];

/** Runs every check on `ctx`; `failed` is called with the check's name and the exception's message. */
export function runChecks<Context>(
  checks: readonly NamedCheck<Context>[],
  ctx: Context,
  failed: (name: string, detail: string) => void,
): void {
  for (const [name, check] of checks) {
    try {
      check(ctx);
    } catch (error) {
      failed(name, error instanceof Error ? error.message : String(error));
    }
  }
}

/** The diagnostic of a failed check, at the start of the document. */
export function internalError(message: string): Diagnostic {
  return {
    code: 'internal-error',
    severity: 'error',
    message,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
    fixes: [],
  };
}
