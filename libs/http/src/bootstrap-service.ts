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
 * transport (consumer group = service name, so each service sees every event once). Resolves once the port
 * is open; on Kafka the consumer may still be joining its group (`/health/ready` details say so).
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
  (app.getHttpServer() as Server).on('clientError', answerMalformedRequest);
  // The port first: a restarted service answers its probes while its consumer joins the group in the
  // background (seconds on a busy broker, longer while it is down); readiness shows the broker degraded meanwhile.
  await app.listen(runtime.port, runtime.host);
  await app.startAllMicroservices();
  return app;
}
