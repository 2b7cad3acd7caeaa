const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  // The compliance rules a browser may import (see vite.config.mts).
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@pmo/contracts/compliance$': require('node:path').join(__dirname, '../../libs/contracts/src/compliance/browser.ts'),
  },
  displayName: 'web',
  rootDir: __dirname,
  // Pure logic of the web app only; its screens are tested in Chromium (e2e/).
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
