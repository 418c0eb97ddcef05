import { jestConfig } from '../../jest.base.js';
// Medium tests: the RPC transport on the real NATS at $NATS_URL (default nats://127.0.0.1:4222).
export default { ...jestConfig({ roots: ['<rootDir>/test'], testMatch: ['**/*.medium-spec.ts'] }), testTimeout: 60_000 };
