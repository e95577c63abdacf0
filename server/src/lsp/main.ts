// The language server's entry point, bundled to dist/server.js: the extension starts it over node IPC, other editors
// with `--stdio` (or through `asa-lb lsp --stdio`).
import { startServer } from './node';

startServer();
