// The Helm chart's tests (`npx jest -c tools/chart-tests/jest.config.cjs --runInBand`): lint and offline schema
// validation, the chart on a real Kubernetes API server, and the images run with the chart's configuration.
// The first run on a machine builds the Kubernetes binaries (tools/kube/binaries, 25-45 minutes on 2 cores).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'chart',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.chart-spec.ts'],
  testTimeout: 600_000,
};
