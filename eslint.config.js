import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Modules that must never reach the pure core (docs/architecture.md §Layers: plain functions over plain data). */
const coreForbidden = [
  {
    group: ['react', 'react-*', 'react/*', 'zustand', 'zustand/*', 'recharts', 'recharts/*'],
    message: 'src/core is pure TypeScript: no UI or state libraries.',
  },
  {
    group: ['**/ui/**', '**/ui', '**/store/**', '**/store', '**/workers/**', '**/cli/**'],
    message: 'src/core must not depend on the layers above it.',
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process'],
    message: 'src/core runs in the browser and in Node: no Node built-ins.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's `use` hook.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: coreForbidden }],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'fetch',
        'process',
        'Buffer',
      ],
      'no-console': 'error',
    },
  },
);
