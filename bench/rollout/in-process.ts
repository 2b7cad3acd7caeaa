import type { INestApplication } from '@nestjs/common';
import { serviceRuntimeFromEnv } from '@pmo/http';
import { InProcessTransport } from '@pmo/messaging';
import type { PmoService } from '@pmo/contracts';
import { Client } from 'pg';
import { startProgramPmo } from '../../apps/program-pmo/src/bootstrap';
import { startStrategicPmo } from '../../apps/strategic-pmo/src/bootstrap';
import type { HttpBenchOptions } from '../backbone/http/options';
import { httpBenchDatabases, type HttpServices } from '../backbone/http/services';

/**
 * program-pmo and strategic-pmo as the embedded mode runs them: in this process, on one in-process transport
 * (no broker), each on its own database of the server given, tokens from Keycloak as in the distributed mode.
 */
export async function startInProcessServices(options: HttpBenchOptions): Promise<HttpServices> {
  const databases = httpBenchDatabases(options);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PMO_TRANSPORT: 'in-process',
    PMO_DB_HOST: options.db.host,
    PMO_DB_PORT: String(options.db.port),
    PMO_DB_USER: options.db.user,
    PMO_DB_PASSWORD: options.db.password,
    PMO_DB_POOL_SIZE: String(options.poolSize),
    STRATEGIC_PMO_DB_NAME: databases.strategic,
    PROGRAM_PMO_DB_NAME: databases.program,
    PMO_LOG_LEVEL: process.env.PMO_LOG_LEVEL ?? 'warn',
  };
  const transport = new InProcessTransport();
  const runtimeOf = (service: PmoService) => ({ ...serviceRuntimeFromEnv(service, 0, env), transport });
  const strategic = await startStrategicPmo(runtimeOf('strategic-pmo'));
  const program = await startProgramPmo(runtimeOf('program-pmo'));
  const urlOf = async (app: INestApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    strategicUrl: await urlOf(strategic),
    programUrl: await urlOf(program),
    consumerGroups: [],
    pids: { program: process.pid, strategic: process.pid },
    async query<T>(service: 'program' | 'strategic', sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new Client({ ...options.db, database: databases[service] });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await program.close();
      await strategic.close();
    },
  };
}
