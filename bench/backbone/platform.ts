import type { INestApplication } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { serviceRuntimeFromEnv, type ServiceRuntime } from '@pmo/http';
import { PLATFORM_TOPICS } from '@pmo/contracts';
import { DataSource } from 'typeorm';
import { startProgramPmo } from '../../apps/program-pmo/src/bootstrap';
import { ProgramsService } from '../../apps/program-pmo/src/programs/programs.service';
import { startStrategicPmo } from '../../apps/strategic-pmo/src/bootstrap';
import { benchDatabaseNames } from './databases';
import { NamespacedTransport } from './namespaced-transport';
import type { BenchOptions } from './options';

/** program-pmo and strategic-pmo in this process, each on its own Kafka transport and fresh database. */
export interface BenchPlatform {
  programs: ProgramsService;
  programDb: DataSource;
  strategicDb: DataSource;
  consumerGroups: string[];
  close(): Promise<void>;
}

// The strategic admin may register any program; no token is checked below the HTTP layer.
export const BENCH_PRINCIPAL: Principal = {
  subject: 'backbone-bench',
  username: 'backbone-bench',
  name: 'Backbone bench',
  roles: ['strategic-admin'],
  groups: [],
};

function benchEnv(options: BenchOptions): NodeJS.ProcessEnv {
  const names = benchDatabaseNames(options);
  return {
    PMO_TRANSPORT: 'kafka',
    PMO_KAFKA_BROKERS: options.kafkaBrokers.join(','),
    PMO_KAFKA_PARTITIONS: '6',
    // The run's topics (bench.<suffix>.*) are in no service's ACLs: both services run as the broker's admin.
    ...benchKafkaUsers(),
    // The run's topics are fresh (see NamespacedTransport), so the beginning holds only this run's events.
    PMO_CONSUMER_FROM_BEGINNING: 'true',
    PMO_CONSUMER_GROUP_SUFFIX: `-bench-${options.suffix}`,
    PMO_DB_HOST: options.db.host,
    PMO_DB_PORT: String(options.db.port),
    PMO_DB_USER: options.db.user,
    PMO_DB_PASSWORD: options.db.password,
    PMO_DB_POOL_SIZE: String(options.poolSize),
    PROGRAM_PMO_DB_NAME: names.program,
    STRATEGIC_PMO_DB_NAME: names.strategic,
    PROGRAM_PMO_PORT: '0',
    STRATEGIC_PMO_PORT: '0',
    PMO_LOG_LEVEL: process.env.PMO_LOG_LEVEL ?? 'warn',
  };
}

function benchKafkaUsers(): NodeJS.ProcessEnv {
  const { PMO_KAFKA_SASL_MECHANISM: mechanism, PMO_KAFKA_ADMIN_USERNAME: username = 'admin', PMO_KAFKA_ADMIN_PASSWORD: password } = process.env;
  if (!mechanism || !password) return {};
  return {
    PMO_KAFKA_SASL_MECHANISM: mechanism,
    ...Object.fromEntries(
      ['STRATEGIC_PMO', 'PROGRAM_PMO'].flatMap((p) => [
        [`${p}_KAFKA_USERNAME`, username],
        [`${p}_KAFKA_PASSWORD`, password],
      ]),
    ),
  };
}

/** Prefix of every topic the run creates; cleanup deletes the topics that carry it. */
export function benchTopicPrefix(options: BenchOptions): string {
  return `bench.${options.suffix}.`;
}

/** Starts strategic-pmo first, so its consumer has joined before program-pmo's relay publishes anything. */
export async function startBenchPlatform(options: BenchOptions): Promise<BenchPlatform> {
  const env = benchEnv(options);
  const strategicRuntime = namespaced(serviceRuntimeFromEnv('strategic-pmo', 0, env), options);
  const programRuntime = namespaced(serviceRuntimeFromEnv('program-pmo', 0, env), options);
  // Created before any consumer subscribes: the services' own ensureTopics runs at app init, after that.
  await strategicRuntime.transport.ensureTopics(PLATFORM_TOPICS);
  const strategic = await startStrategicPmo(strategicRuntime);
  const program = await startProgramPmo(programRuntime);
  return {
    programs: program.get(ProgramsService),
    programDb: program.get(DataSource),
    strategicDb: strategic.get(DataSource),
    consumerGroups: [strategicRuntime, programRuntime].map((r) => `${r.serviceName}${r.messaging.consumerGroupSuffix}`),
    close: async () => {
      await closeService(program, programRuntime);
      await closeService(strategic, strategicRuntime);
    },
  };
}

function namespaced(runtime: ServiceRuntime, options: BenchOptions): ServiceRuntime {
  return { ...runtime, transport: new NamespacedTransport(runtime.transport, benchTopicPrefix(options)) };
}

async function closeService(app: INestApplication, runtime: ServiceRuntime): Promise<void> {
  await app.close();
  await runtime.transport.close();
}
