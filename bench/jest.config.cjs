// Unit tests of the benches' pure parts (their flags): `npx jest -c bench/jest.config.cjs`.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
