// Shared jest settings: ESM (NestJS 12 is ESM-only) with SWC keeping decorator metadata for DI.
const reporters = ['default', new URL('./scripts/jest-summary-reporter.js', import.meta.url).pathname];
// A suite that fails in its setup can leave a connection open; jest would then wait forever after the run and hold
// the whole test command (CI once lost 85 minutes that way). Results are final when the run ends, so exit then.
const forceExit = true;

function project({ roots, testMatch }) {
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

/** Packages: small tests next to the code. */
export function jestConfig({ roots = ['<rootDir>/src'], testMatch = ['**/*.spec.ts'] } = {}) {
  return { ...project({ roots, testMatch }), reporters, forceExit };
}

// Apps: `small` = *.spec.ts under src (no infrastructure), `medium` = test/medium (real PostgreSQL + NATS).
export function appJestConfig() {
  return {
    reporters,
    forceExit,
    projects: [
      { displayName: 'small', ...project({ roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] }) },
      {
        displayName: 'medium',
        ...project({ roots: ['<rootDir>/test'], testMatch: ['**/*.medium-spec.ts'] }),
        testTimeout: 60_000,
      },
    ],
  };
}

/** End-to-end: all apps as processes, driven over HTTP (two lanes share the cores: e2e/run-lanes.sh, hence the room per test). */
export function e2eJestConfig() {
  return { ...project({ roots: ['<rootDir>'], testMatch: ['**/*.e2e-spec.ts'] }), reporters, forceExit, testTimeout: 180_000 };
}
