// Wraps every handler so that an exception becomes an empty result (or an error response) and a log line, never a
// dead server, and so that a request cancelled while it waited is answered as cancelled.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function consoleLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };
}

/**
 * Describes an exception for the log without its message: messages of errors raised while reading a document can
 * quote the document (and so a cluster key), whereas the error's class and stack frames name only code locations.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'a non-error value was thrown';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 6);
  return [error.name, ...frames.map((f) => f.trim())].join(' | ');
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Thrown inside a handler when its token is cancelled; the guard turns it into a `RequestCancelled` response. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

/** Marks a handler whose failure must be reported to the client as an error rather than an empty result. */
export const FAIL = Symbol('fail');

type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/**
 * Runs `handler`, turning an exception into `fallback` (or, with `FAIL`, an internal-error response that names only the
 * method). Response errors the handler throws on purpose, such as cancellation, pass through.
 */
export function guard<P, R>(
  log: Logger,
  method: string,
  fallback: R | typeof FAIL,
  handler: Handler<P, R>,
): Handler<P, R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log.error(`${method} failed: ${describeError(error)}`);
      if (fallback === FAIL) throw new ResponseError(-32603, `${method} failed inside the asa-lb server; see its log.`);
      return fallback;
    }
  };
}

/** The same for notifications, which have nothing to answer. */
export function guardNotification<P>(
  log: Logger,
  method: string,
  handler: (params: P) => void | Promise<void>,
): (params: P) => Promise<void> {
  return async (params) => {
    try {
      await handler(params);
    } catch (error) {
      log.error(`${method} failed: ${describeError(error)}`);
    }
  };
}
