import { jestConfig } from '../../jest.base.js';
// Small tests of the console's plain modules (queue order, action forms); screens are tested in a browser (e2e/console).
export default jestConfig();
