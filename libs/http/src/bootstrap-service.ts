import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory, type AbstractHttpAdapter } from '@nestjs/core';
import { PmoEventServer } from '@pmo/messaging';
import { isTransientDatabaseError } from '@pmo/persistence';
import type { ServicePort } from '@pmo/service-port';
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
 * transport (consumer group = service name, so each service sees every event once). Resolves once it serves;
 * on Kafka the consumer may still be joining its group (`/health/ready` details say so). Given a port its
 * entry point opened before loading (openServicePort), it takes that port over instead of opening its own.
 */
export async function bootstrapService(
  rootModule: DynamicModule,
  runtime: ServiceRuntime,
  api: HttpApiDescription,
  openedPort?: ServicePort,
): Promise<INestApplication> {
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
        // A busy or unreachable database delays an event; it never dead-letters a good one.
        isTransient: isTransientDatabaseError,
      }),
    },
    { inheritAppConfig: true },
  );
  // The port before the consumer: a restarted service answers its probes while its consumer joins the group in
  // the background (seconds on a busy broker, longer while it is down); readiness shows the broker degraded meanwhile.
  if (openedPort) {
    // The adapter closes the server it holds on shutdown: hand it the opened one, then the requests.
    (app.getHttpAdapter() as AbstractHttpAdapter).setHttpServer(openedPort.server);
    openedPort.server.on('clientError', answerMalformedRequest);
    await app.init();
    openedPort.serve(app.getHttpAdapter().getInstance());
  } else {
    (app.getHttpServer() as Server).on('clientError', answerMalformedRequest);
    await app.listen(runtime.port, runtime.host);
  }
  await app.startAllMicroservices();
  return app;
}
