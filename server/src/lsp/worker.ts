// The language server's entry point in a web worker, bundled to dist/web/server.js: the extension's browser entry
// starts it with `new Worker(...)` and the two talk JSON-RPC over the worker's messages. The same session as in Node;
// the modules that touch the file system or Node's engine are swapped for their `.web.ts` forms by the bundler.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { serve } from './server';

// The worker's global scope is the message port to the extension.
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
serve(createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port)));
