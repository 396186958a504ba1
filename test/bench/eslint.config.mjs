// ESLint configuration for the benchmark's reference run: the test files test-audit audits, parsed
// by @typescript-eslint/parser without type information, checked by eslint-plugin-jest's
// recommended and style rules. Used only with `--config`, so no other configuration is looked up.
import parser from '@typescript-eslint/parser';
import jest from 'eslint-plugin-jest';

const files = ['**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

export default [
  {
    files,
    languageOptions: {
      parser,
      // No `project`: no type information, as test-audit reads syntax only.
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    // Jest's version is stated, so the plugin never looks for a Jest installation in the corpus.
    settings: { jest: { version: 29 } },
  },
  { files, ...jest.configs['flat/recommended'] },
  { files, ...jest.configs['flat/style'] },
];
