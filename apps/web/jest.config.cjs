module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web',
  rootDir: __dirname,
  // Pure logic of the web app only; its screens are tested in Chromium (e2e/).
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
