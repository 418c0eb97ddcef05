import { jestConfig } from '../../jest.base.js';
// Medium tests: the contract suite against a real OpenSearch at $OPENSEARCH_URL (never skipped).
export default { ...jestConfig({ roots: ['<rootDir>/test'], testMatch: ['**/*.medium-spec.ts'] }), testTimeout: 180_000 };
