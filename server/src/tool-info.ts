// The tool's name, version and documentation address, shared by the CLI's outputs and the language server.
// The version is package.json's, so `--version`, the server's `serverInfo` and SARIF's driver always agree with the
// package that ships them; esbuild inlines just this one field (a named import from JSON is tree-shaken).
import { version } from '../../package.json';

export const TOOL_NAME = 'asa-lb';
export const TOOL_VERSION: string = version;
/** Where each diagnostic code is documented; codes are anchors in the README's diagnostics table. */
export const README_DIAGNOSTICS_URL = 'https://github.com/asa-lb/asa-lb/blob/main/README.md';
