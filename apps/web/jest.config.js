import { jestConfig } from '../../jest.base.js';
// Small tests of the web app's plain modules (form rules, snippet parsing); pages are tested in a browser (e2e/web).
export default jestConfig();
