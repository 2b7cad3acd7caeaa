module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'strategic-pmo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
