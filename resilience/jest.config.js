import { jestConfig } from '../jest.base.js';
// One stack per scenario file, run one at a time (--runInBand): each starts real servers and kills some of them.
export default { ...jestConfig({ roots: ['<rootDir>'], testMatch: ['**/*.resilience-spec.ts'] }), testTimeout: 180_000 };
