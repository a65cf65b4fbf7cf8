import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const DATES = 'Calendar dates go through electron/core/domain/calendar-date.ts (parsing, bounds, arithmetic, the clock).';
/** Build and browser tooling, and the tools/ folder, belong to the tools, tests and bench, never to the app. */
const toolsOnly = {
  group: ['vite', 'vite/*', '@vitejs/*', 'playwright', 'playwright-core', 'playwright-core/*', '**/tools/**', '**/test/**', '**/bench/**', '**/scripts/**'],
  message: 'Production code (electron/, renderer/) must not import build or browser tooling, tools/, tests, bench or scripts.',
};
// no-restricted-imports does not see `await import('vite')`. One rule's options replace another's in flat config,
// so this selector goes into every no-restricted-syntax list that covers production files.
const NO_TOOL_IMPORT_EXPRESSION = { selector: "ImportExpression[source.value=/^(vite|@vitejs|playwright)|\\/(tools|test|bench|scripts)\\//]", message: toolsOnly.message };
const DATE_FILES_EXEMPT = ['electron/core/domain/calendar-date.ts', 'electron/node/backup-rotation.ts', 'electron/node/document-lock.ts', 'electron/node/document-file-store.ts'];

/** Lint fences the layers: the core knows nothing of Electron, React or Node's file system. */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', window: 'readonly', document: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-undef': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core must not import Electron.' },
            { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'The core must not import React.' },
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'lowdb', 'lowdb/*'], message: 'The core must not touch Node or the disk: use a port.' },
            { group: ['**/node/**', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'The core must not import outer layers.' },
            toolsOnly,
          ],
        },
      ],
    },
  },
  {
    // Calendar dates are parsed, checked and computed in one module, electron/core/domain/calendar-date.ts, so
    // every screen and every rule uses the same calendar and the same bounds. The node files listed deal in
    // instants of files and locks (backup names, heartbeats), not in calendar dates.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: DATE_FILES_EXEMPT,
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_TOOL_IMPORT_EXPRESSION,
        { selector: "NewExpression[callee.name='Date']", message: DATES },
        { selector: "MemberExpression[object.name='Date'][property.name=/^(UTC|parse)$/]", message: DATES },
        { selector: 'CallExpression[callee.property.name=/^[gs]et(UTC)?(FullYear|Month|Date|Day)$/]', message: DATES },
        { selector: 'Literal[regex.pattern=/\\\\d\\{4\\}\\)?(-|\\(?\\\\d\\{2\\})/]', message: DATES },
      ],
    },
  },
  {
    files: DATE_FILES_EXEMPT,
    rules: { 'no-restricted-syntax': ['error', NO_TOOL_IMPORT_EXPRESSION] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/node/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [toolsOnly] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          // `electron` as a module name only: a pattern group 'electron' would also match every path through
          // the electron/ folder, and the renderer needs the contract's types and (web bridge) the core.
          paths: [{ name: 'electron', message: 'The renderer reaches the core only through window.api or the web bridge.' }],
          patterns: [
            { group: ['electron/*', 'node:*', 'fs', '**/electron/node/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The renderer reaches the core only through window.api or the web bridge.' },
            toolsOnly,
          ],
        },
      ],
    },
  },
);
