// Unit tests of every project (pure logic, no servers): `npx jest`.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.cjs', '<rootDir>/libs/*/jest.config.cjs', '<rootDir>/tools/jest.config.cjs', '<rootDir>/bench/jest.config.cjs'],
};
