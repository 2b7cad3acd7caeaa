import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PmoEventServer } from '@pmo/messaging';
import { Logger } from 'nestjs-pino';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { configureHttp, type HttpApiDescription } from './configure-http';
import { countingDeadLetters } from './dead-letter-count';
import { recordHttpLatency } from './http-latency';
import { answerMalformedRequest } from './input-guard';
import type { ServiceRuntime } from './service-runtime';

/**
 * Starts one service: its HTTP API with the shared conventions, and its event handlers on the runtime's
 * transport (consumer group = service name, so each service sees every event once).
 */
export async function bootstrapService(rootModule: DynamicModule, runtime: ServiceRuntime, api: HttpApiDescription): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(recordHttpLatency(runtime.serviceName));
  configureHttp(app, api);
  app.connectMicroservice(
    {
      strategy: new PmoEventServer({
        serviceName: runtime.serviceName,
        // The consumer's dead letters are counted on their way out (pmo_dead_letters_total).
        transport: countingDeadLetters(runtime.transport, runtime.serviceName),
        dataSource: app.get(DataSource),
        consumerGroup: `${runtime.serviceName}${runtime.messaging.consumerGroupSuffix}`,
        fromBeginning: runtime.messaging.fromBeginning,
        logger: runtime.logger,
      }),
    },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  (app.getHttpServer() as Server).on('clientError', answerMalformedRequest);
  await app.listen(runtime.port, runtime.host);
  return app;
}
