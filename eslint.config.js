import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
        { patterns: [...pureLayer('core'), { group: outerLayers, message: 'The core must not import outer layers.' }] },
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
          ],
        },
      ],
    },
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
          patterns: [{ group: ['electron/*', 'node:*', 'fs', '**/electron/node/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The renderer reaches the core only through window.api or the web bridge.' }],
        },
      ],
    },
  },
);
