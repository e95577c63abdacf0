// The tool's name, version and documentation address, shared by the CLI's outputs and the language server.
export const TOOL_NAME = 'asa-lb';
export const TOOL_VERSION = '0.1.0';
/** Where each diagnostic code is documented; codes are anchors in the README's diagnostics table. */
export const README_DIAGNOSTICS_URL = 'https://github.com/asa-lb/asa-lb/blob/main/README.md';
