module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'program-pmo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
