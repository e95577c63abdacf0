// Lint rules. The one that matters most keeps server/src/core/ pure: no editor or LSP imports there.
import tseslint from 'typescript-eslint';

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
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode', 'vscode-*', '@vscode/*'], message: 'The core is pure: it must not depend on the editor or the LSP libraries.' },
            { group: ['../lsp/*', '../../lsp/*', '../cli/*', '../../cli/*'], message: 'The core must not depend on its adapters.' },
          ],
        },
      ],
    },
  },
);
