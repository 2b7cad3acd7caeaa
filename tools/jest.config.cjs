// Unit tests of the repository's tools (the event catalog generator): `npx jest -c tools/jest.config.cjs`.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'tools',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
