import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
          ],
        },
      ],
    },
  },
  {
    // The contract is a leaf: every input and output type is its own, so the UI, preload and main can read it
    // without the core, and nothing in the core can change the API by accident. (A later block for the same
    // files replaces the core's rule above, so its groups are repeated here.)
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The contract must not import Electron.' },
            { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'The contract must not import React.' },
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'lowdb', 'lowdb/*'], message: 'The contract must not touch Node or the disk.' },
            {
              group: ['**/core', '**/core/**', '**/node/**', '**/main/**', '**/preload/**', '**/renderer/**'],
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
