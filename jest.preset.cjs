// Shared jest set-up: SWC compiles TypeScript with decorator metadata (NestJS DI needs it),
// and the @pmo/* aliases resolve to each lib's public index.ts.
const fs = require('node:fs');
const path = require('node:path');
const root = __dirname;
// Every folder of libs/ is a lib published as @pmo/<folder>.
const libs = fs
  .readdirSync(path.join(root, 'libs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(libs.map((lib) => [`^@pmo/${lib}$`, path.join(root, 'libs', lib, 'src', 'index.ts')])),
};
