import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, KeycloakTokenVerifier } from '@pmo/auth';
import { MessagingModule } from '@pmo/messaging';
import { openServiceDataSource } from '@pmo/persistence';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { DataSourceOptions } from 'typeorm';
import { AuditModule } from './audit.module';
import { ClockModule } from './clock';
import { HealthModule } from './health.module';
import { MetricsModule } from './metrics.module';
import type { ServiceRuntime } from './service-runtime';

export interface ServiceSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * The infrastructure modules every service imports: logs, its own database (migrations applied at
 * start unless a separate `migrate` step runs them), the outbox and relay, the token guard, health checks, metrics, the clock, the audit log's endpoints and its sealer.
 */
export function serviceInfrastructure(runtime: ServiceRuntime, schema: ServiceSchema): DynamicModule[] {
  return [
    LoggerModule.forRoot({
      pinoHttp: {
        logger: runtime.logger,
        autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
        // The request's log lines carry the id its answer and audit entries carry (set by assignRequestId).
        genReqId: (_req, res) => String(res.getHeader('x-request-id') ?? randomUUID()),
      },
    }),
    TypeOrmModule.forRootAsync({
      useFactory: () => ({ type: 'postgres', entities: schema.entities }),
      dataSourceFactory: () => openServiceDataSource(runtime.database, schema.entities, schema.migrations, { migrate: runtime.migrateOnStart ?? true }),
    }),
    MessagingModule.forRoot({ serviceName: runtime.serviceName, transport: runtime.transport, logger: runtime.logger, relay: runtime.relay }),
    AuthModule.forRoot(new KeycloakTokenVerifier(runtime.auth)),
    HealthModule.forRoot(() => runtime.transport.isHealthy(), runtime.readinessGates),
    MetricsModule.forRoot(runtime),
    ClockModule.forRoot(runtime.controllableClock),
    AuditModule.forRoot(runtime.logger),
  ];
}
