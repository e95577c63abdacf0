// Starts the language server in Node: the connection's transport (stdio, node IPC, socket or pipe) comes from the
// command line, stdio when none is given.
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { serve } from './server';

/** The transports `createConnection` reads from the command line; without one, the server talks on stdio. */
const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

export function hasTransportFlag(argv: readonly string[]): boolean {
  return argv.some((arg) => TRANSPORT_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
}

export function startServer(): Connection {
  // createConnection picks the transport from process.argv; stdio is the default for plain clients.
  if (!hasTransportFlag(process.argv)) process.argv.push('--stdio');
  return serve(createConnection(ProposedFeatures.all));
}
