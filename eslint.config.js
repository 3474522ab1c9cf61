// ESLint flat config: typescript-eslint for .ts, eslint-plugin-svelte for .svelte (with the TS parser inside <script>).
// Style (quotes, indentation, wrapping) is Prettier's job (.prettierrc.json); the rules here catch real defects.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'dev-dist/', 'public/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Long lines are the house style for tables of data and bilingual strings; beyond 160 a line is too long.
      'max-len': [
        'error',
        { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreComments: false },
      ],
      // `_`-prefixed names are deliberately unused (positional parameters, destructuring to drop a key).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Type-only imports are enforced by `verbatimModuleSyntax` in tsconfig already.
      'no-undef': 'off', // TypeScript reports undefined names, with the right globals per project (DOM, worker, Node).
      // `if (!seen.has(p)) (seen.add(p), out.push(p));` is the house idiom for two statements under one condition;
      // the rule reports every such comma sequence, and TypeScript already reports most useless expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Hot loops declare their scratch variables once with an initial value (`let t = 0`) before assigning in the loop.
      'no-useless-assignment': 'off',
      // Plain Map/Set/Date inside rune classes are caches and bookkeeping that must NOT trigger updates; the reactive
      // state is declared with $state explicitly. The rule cannot tell the two apart.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // Published coefficients (Wichura's AS 241 for Φ⁻¹) are quoted with every digit of their source.
    files: ['src/lib/model/normal.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // The .xlsx writer strips the control characters XML 1.0 forbids: the regex names them on purpose.
    files: ['src/lib/export/xlsx.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests feed deliberately malformed data to validators and migrations.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
