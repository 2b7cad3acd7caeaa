// Integration and end-to-end tests: real PostgreSQL, Kafka and Keycloak from deploy/local, one file at a time.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{apps,libs}/**/src/**/*.integration-spec.ts'],
  testTimeout: 180_000,
};
