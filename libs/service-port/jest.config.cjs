module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'service-port',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
