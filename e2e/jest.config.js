import { e2eJestConfig } from '../jest.base.js';
export default e2eJestConfig();
