// The floor of a service's memory: a NestJS application with one route and nothing else (no database, broker,
// telemetry, auth or TypeScript loader), loaded by the same clients as the services. What a service holds above
// it is ours (or our libraries'); what it holds is Node's, V8's and NestJS's.
// Plain JavaScript (decorators applied by hand), so that no loader is in its memory.
// Usage (by `bench:portfolio`): node -r bench/portfolio/memory-probe.cjs bench/portfolio/bare-nest.cjs <port>
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

class LiveController {
  live() {
    return { status: 'ok' };
  }
}
Get('live')(LiveController.prototype, 'live', Object.getOwnPropertyDescriptor(LiveController.prototype, 'live'));
Controller()(LiveController);

class BareModule {}
Module({ controllers: [LiveController] })(BareModule);

NestFactory.create(BareModule, { logger: ['error'] })
  .then((app) => app.listen(Number(process.argv[2]), '127.0.0.1'))
  .catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
