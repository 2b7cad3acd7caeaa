module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'standards-view',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
