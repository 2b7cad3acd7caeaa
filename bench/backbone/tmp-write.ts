import 'reflect-metadata';
import { serviceRuntimeFromEnv } from '@pmo/http';
import { startProgramPmo } from '../../apps/program-pmo/src/bootstrap';
import { ProgramsService } from '../../apps/program-pmo/src/programs/programs.service';
import { DataSource } from 'typeorm';
import { dropBenchDatabases } from './databases';
import { registerWithConcurrency } from './drive';
import { benchOptionsFrom } from './options';
import { benchEnv, type BenchPlatform } from './platform';
async function main() {
  const options = benchOptionsFrom(process.argv.slice(2), process.env);
  const runtime = serviceRuntimeFromEnv('program-pmo', 0, benchEnv(options));
  const app = await startProgramPmo(runtime);
  const platform = { programs: app.get(ProgramsService), programDb: app.get(DataSource) } as unknown as BenchPlatform;
  await registerWithConcurrency(platform, 'warm' + options.suffix, 500, options.concurrency);
  const t = performance.now();
  await registerWithConcurrency(platform, 'x' + options.suffix, options.events, options.concurrency);
  console.log('writes/s', Math.round(options.events * 1000 / (performance.now() - t)));
  await app.close(); await runtime.transport.close(); await dropBenchDatabases(options);
  process.exit(0);
}
void main();
