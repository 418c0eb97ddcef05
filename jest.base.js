// Shared jest settings: ESM (NestJS 12 is ESM-only) with SWC keeping decorator metadata for DI.
export function jestConfig({ roots = ['<rootDir>/src', '<rootDir>/test'], testMatch } = {}) {
  return {
    testEnvironment: 'node',
    roots,
    testMatch,
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'es6' },
        },
      ],
    },
  };
}

/** Apps: `small` = src/**/*.spec.ts (no infrastructure), `medium` = test/medium (real PostgreSQL + NATS). */
export function appJestConfig() {
  return {
    projects: [
      { displayName: 'small', ...jestConfig({ roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] }) },
      {
        displayName: 'medium',
        ...jestConfig({ roots: ['<rootDir>/test'], testMatch: ['**/*.medium-spec.ts'] }),
        testTimeout: 60_000,
      },
    ],
  };
}
