// ESLint flat config: typescript-eslint's `recommended` rules over the TypeScript of every
// workspace and the cross-package tests (`test/`). Every rule switched off or loosened below
// says why, next to it. Type-aware rules run only where promises cross module lines most (the
// gateway's sources, without its tests): over the whole tree they would multiply the run time on
// the two shared CI cores, and `tsc --strict` already checks types.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Build output, installed packages, Stryker's sandbox copies, generated reports; the few
    // plain-JS launchers (bin/, configs) are not TypeScript and stay out of this lint. Generated
    // types (`npm run codegen`) are the generator's code, kept exactly as it writes them.
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.stryker-tmp/**',
      'reports/**',
      '**/*.js',
      '**/*.mjs',
      '**/src/generated/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          // Express tells error handlers apart by arity, so `(error, _req, res, _next)` must keep
          // its unused parameters; a leading underscore marks such a deliberate gap.
          argsIgnorePattern: '^_',
          // `const { secret, ...rest } = x` is how we drop a field before passing the rest on.
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-require-imports': [
        'error',
        // `import x = require('y')` is TypeScript's typed import for CommonJS packages that
        // publish `export =` (spdx-expression-parse, spdx-license-list) under module Node16.
        { allowAsImport: true },
      ],
    },
  },
  {
    // Tests, the shared test support and the benchmark harness read GraphQL answers as JSON whose
    // shape the query text right beside them fixes; typing each answer would restate every query.
    files: ['test/**/*.ts', '**/__tests__/**/*.ts', 'testing/src/**/*.ts', 'bench/src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A promise handed to a callback that ignores it, awaited when it is no promise, or dropped:
    // each has hidden a failure in the request path once. Typed from the gateway's own tsconfig.
    files: ['gateway/src/**/*.ts'],
    ignores: ['gateway/src/**/__tests__/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);
