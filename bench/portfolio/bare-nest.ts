/**
 * The floor of a service's memory: a NestJS application with one route and nothing else (no database, broker,
 * telemetry or auth), started as the services are (`-r @swc-node/register`, the memory probe) and loaded by the
 * same clients. What a service holds above it is ours; what it holds is Node's, V8's and NestJS's.
 * Usage (by `bench:portfolio`): node -r @swc-node/register bench/portfolio/bare-nest.ts <port>
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class LiveController {
  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [LiveController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: ['error'] });
  await app.listen(Number(process.argv[2]), '127.0.0.1');
}

void main();
