import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const DATES = 'Calendar dates go through electron/contract/rules/calendar-date.ts (parsing, bounds, arithmetic, the clock).';
/** Build and browser tooling, and the tools/ folder, belong to the tools, tests and bench, never to the app. */
const toolsOnly = {
  group: ['vite', 'vite/*', '@vitejs/*', 'playwright', 'playwright-core', 'playwright-core/*', '**/tools/**', '**/test/**', '**/bench/**', '**/scripts/**'],
  message: 'Production code (electron/, renderer/) must not import build or browser tooling, tools/, tests, bench or scripts.',
};
// no-restricted-imports does not see `await import('vite')`. One rule's options replace another's in flat config,
// so this selector goes into every no-restricted-syntax list that covers production files.
const NO_TOOL_IMPORT_EXPRESSION = { selector: "ImportExpression[source.value=/^(vite|@vitejs|playwright)|\\/(tools|test|bench|scripts)\\//]", message: toolsOnly.message };
const DATE_FILES_EXEMPT = ['electron/contract/rules/calendar-date.ts', 'electron/node/backup-rotation.ts', 'electron/node/document-lock.ts', 'electron/node/document-file-store.ts'];

const outerLayers = ['**/node/**', '**/main/**', '**/preload/**', '**/renderer/**'];

/** What neither the core nor the contract may import: Electron, React, Node and the disk. */
const pureLayer = (name) => [
  { group: ['electron', 'electron/*'], message: `The ${name} must not import Electron.` },
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: `The ${name} must not import React.` },
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'lowdb', 'lowdb/*'], message: `The ${name} must not touch Node or the disk: use a port.` },
];

/** Lint fences the layers: the core knows nothing of Electron, React or Node's file system, and the contract nothing of the core. */
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
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...pureLayer('core'), { group: outerLayers, message: 'The core must not import outer layers.' }, toolsOnly] },
      ],
    },
  },
  {
    // The contract is a leaf: every input and output type is its own, so the UI, preload and main can read it
    // without the core, and nothing in the core can change the API by accident.
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...pureLayer('contract'),
            {
              group: ['**/core', '**/core/**', ...outerLayers],
              message: 'The contract is a leaf: it imports nothing from the core or the outer layers. Move what both need into electron/contract/ (model/ or rules/).',
            },
            toolsOnly,
          ],
        },
      ],
    },
  },
  {
    // Calendar dates are parsed, checked and computed in one module, electron/contract/rules/calendar-date.ts, so
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
