// ESLint flat config: typescript-eslint's recommended rules for the extension, webview, CLI, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // The engine and the CLI look for control characters on purpose: they are what hostile servers send.
      'no-control-regex': 'off',
      // A variable a callback reads before its one assignment (a server's handler and the server itself) stays let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/host may import vscode.' }] }],
    },
  },
  {
    files: ['src/host/**/*.ts', 'test/integration/**/*.ts', 'scripts/**/*.ts', 'bench/host/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['media/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../src/*', '!../src/shared'], message: 'The webview imports only from src/shared.' }] },
      ],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { console: 'readonly', process: 'readonly' } } },
);
