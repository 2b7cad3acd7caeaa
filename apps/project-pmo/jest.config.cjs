module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'project-pmo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
