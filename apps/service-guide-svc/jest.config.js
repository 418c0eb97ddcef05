import { appJestConfig } from '../../jest.base.js';
export default appJestConfig();
