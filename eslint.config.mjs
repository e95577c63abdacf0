// Lint rules. The ones that matter most keep the layers apart: a pure core, LSP only in server/src/lsp/, and a
// preview page that imports nothing of the extension host.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** The editor API and the LSP libraries. */
const EDITOR_OR_LSP = '^(vscode|vscode-.*|@vscode/.*)(/.*)?$';
/** Node's own modules, with or without the `node:` prefix. */
const NODE_BUILTIN = `^(node:.*|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?)$`;
/**
 * Extension-host code, as a relative path from anywhere under client/src/ reaches it: every entry of client/src/ but
 * the page's own folder and the shared preview modules, the two preview modules that need the host (the panel, and
 * the HTML with its Node nonce), and the server outside its core and protocol. Read from the folder, so a new host
 * file is covered without editing this list.
 */
const HOST_ENTRIES = [
  ...readdirSync(new URL('client/src', import.meta.url))
    .filter((name) => name !== 'webview' && name !== 'preview')
    .map((name) => name.replace(/\.ts$/, '')),
  'preview/preview-panel',
  'preview/preview-html',
];
const HOST_CODE = `^(\\.\\./)+(${HOST_ENTRIES.join('|')})(/|$)|(^|/)server/src/(?!core/|protocol$)`;

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.artifacts/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // Layers. Each rule matches the imported path by a regular expression, so no number of `../` escapes it.
  {
    // Expressions run on file text, settings and messages a repository controls: none may backtrack or move
    // along the input more than linearly (a `\s*` across the lines of a file of blank lines took minutes).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: EDITOR_OR_LSP,
              message: 'The core is pure: it must not depend on the editor or the LSP libraries.',
            },
            {
              regex: NODE_BUILTIN,
              message: 'The core is pure: it does no I/O and uses no Node module; the adapters read and write.',
            },
            {
              regex: '(^|/)(lsp|cli|client|protocol)(/|$)',
              message: 'The core must not depend on its adapters, the client or the protocol between them.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the language server adapter talks LSP; the protocol module declares the custom requests both sides share.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/lsp/**', 'server/src/protocol.ts', 'server/src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: EDITOR_OR_LSP, message: 'Only server/src/lsp/ uses the LSP libraries.' }] },
      ],
    },
  },
  {
    // The preview page runs in a browser inside the webview: it may import its own modules, the browser-safe preview
    // modules, the core and the protocol's types, and nothing of the extension host.
    files: ['client/src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: EDITOR_OR_LSP, message: 'The preview page runs in a browser: no editor API or LSP library.' },
            { regex: NODE_BUILTIN, message: 'The preview page runs in a browser: no Node module.' },
            {
              regex: HOST_CODE,
              message: 'The preview page runs in a browser: it imports no extension-host or server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The preview modules the page shares with the host hold plain data logic, so the page can import them.
    files: ['client/src/preview/**/*.ts'],
    ignores: ['client/src/preview/preview-panel.ts', 'client/src/preview/preview-html.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: EDITOR_OR_LSP, message: 'The preview page imports this module: no editor API here.' },
            { regex: NODE_BUILTIN, message: 'The preview page imports this module: no Node module here.' },
            {
              regex: HOST_CODE,
              message: 'The preview page imports this module: no extension-host or server code here.',
            },
          ],
        },
      ],
    },
  },
);
