// Lint for the whole repo (`npm run lint`, part of `npm test`): typescript-eslint's type-aware
// recommended rules on every TypeScript file, the plain JS recommendations on the .mjs/.js scripts.
// Formatting is Prettier's job (`npm run format:check`), so no stylistic rules here.
// Import boundaries and cycles are checked by one test, packages/testing/src/import-boundaries.spec.ts
// (also run by the lint step of `npm test`): it sees cycles between folders and workspaces, which
// no ESLint rule does, so ESLint does not keep a second, weaker copy of those rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/coverage/',
      '**/src/generated/',
      '.turbo/',
      'var/',
      'test-fixtures/',
      'demo/',
      'test-output/',
      // The web apps' Next.js builds and the generated API types (scripts/web-api.mjs).
      'apps/console/.next/',
      'apps/console/next-env.d.ts',
      'apps/web/.next/',
      'apps/web/next-env.d.ts',
      'apps/web/public/vendor/', // MapLibre's worker, copied at build (apps/web/scripts/copy-maplibre.mjs)
      'packages/api-client/src/schema.ts',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  // Chinese prose in comments uses the ideographic space (U+3000) on purpose; code and strings are still checked.
  { rules: { 'no-irregular-whitespace': ['error', { skipComments: true }] } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // Three programs for the whole repo: the Node code (tsconfig.lint.json: every package, service, test and script
      // folder, the same files as their own tsconfigs) and the two Next apps. One program per workspace (the project
      // service) parsed Node's, Nest's and Prisma's types again for each: ~40 % more CPU for the same findings (ADR 0040).
      parserOptions: {
        project: ['./tsconfig.lint.json', './apps/web/tsconfig.json', './apps/console/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Off: an async method with no await is how a synchronous engine implements an async port
      // (SearchIndex, RPC handlers, test doubles), and `async` turns a throw into a rejection,
      // which no-floating-promises and no-misused-promises then track.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests read HTTP and NATS bodies as `any` (fetch's json(), supertest) and assert on them with
    // jest's matchers, which are the type check there; typing every body would add casts, not safety.
    // jest's `expect(mock.method)` passes methods unbound on purpose.
    files: ['**/*.spec.ts', '**/*.medium-spec.ts', '**/*.e2e-spec.ts', 'e2e/**/*.ts', 'resilience/**/*.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Prisma's CLI config sits outside every tsconfig; nothing in it needs type information.
    files: ['apps/*/prisma.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // The web apps' client components run in the browser.
    files: ['apps/web/src/**/*.tsx', 'apps/console/src/**/*.tsx'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The portal's static scripts run in the browser (public/search-suggest.js, ADR 0035).
    files: ['apps/web/public/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
