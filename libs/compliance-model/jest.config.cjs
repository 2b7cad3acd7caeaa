module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'compliance-model',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
