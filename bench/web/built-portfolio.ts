/**
 * The web app over a portfolio built by `npm run bench:portfolio` (PMO_BENCH_WEB_BUILT=<programs>x<projects>x<standards>):
 * strategic-pmo and program-pmo on copies of its databases, project-pmo on an empty one, all in this process on
 * the in-process transport, behind the web gateway with the evaluation sign-in (tokens signed by a local key),
 * as the embedded mode serves them. Started by bench/web/budgets.ts on the same ports as the embedded platform.
 */
import { evaluationSignIn, loadOrCreateDevKeyPair } from '@pmo/auth';
import type { PmoService } from '@pmo/contracts';
import { serviceRuntimeFromEnv } from '@pmo/http';
import { InProcessTransport } from '@pmo/messaging';
import { startWebGateway } from '@pmo/web-gateway';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startProgramPmo } from '../../apps/program-pmo/src/bootstrap';
import { startProjectPmo } from '../../apps/project-pmo/src/bootstrap';
import { startStrategicPmo } from '../../apps/strategic-pmo/src/bootstrap';
import { withAdminClient } from '../backbone/databases';
import { httpBenchDatabases } from '../backbone/http/services';
import { portfolioBenchOptionsFrom } from '../portfolio/options';
import { copyPortfolio, dropCopy } from '../rollout/copies';

const root = resolve(__dirname, '../..');

async function main(): Promise<void> {
  const size = process.env.PMO_BENCH_WEB_BUILT ?? '';
  if (!/^\d+x\d+x\d+$/.test(size)) throw new Error(`PMO_BENCH_WEB_BUILT must be <programs>x<projects>x<standards>, got '${size}'`);
  const [programs, projects, standards] = size.split('x');
  const built = portfolioBenchOptionsFrom(['--programs', programs, '--projects', projects, '--standards', standards], process.env).services;
  const copy = await copyPortfolio(built, `web_${Date.now().toString(36)}`);
  const projectDb = `bench_web_project_${copy.suffix}`;
  await withAdminClient(copy, (client) => client.query(`CREATE DATABASE "${projectDb}"`));
  const databases = httpBenchDatabases(copy);
  const keys = loadOrCreateDevKeyPair(mkdtempSync(join(tmpdir(), 'pmo-bench-web-keys-')));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PMO_TRANSPORT: 'in-process',
    PMO_DB_HOST: copy.db.host,
    PMO_DB_PORT: String(copy.db.port),
    PMO_DB_USER: copy.db.user,
    PMO_DB_PASSWORD: copy.db.password,
    STRATEGIC_PMO_DB_NAME: databases.strategic,
    PROGRAM_PMO_DB_NAME: databases.program,
    PROJECT_PMO_DB_NAME: projectDb,
  };
  const transport = new InProcessTransport();
  const runtimeOf = (service: PmoService, port: number) => {
    const runtime = serviceRuntimeFromEnv(service, port, env);
    return { ...runtime, transport, auth: { ...runtime.auth, realmPublicKeyPem: keys.publicKeyPem } };
  };
  const apps = [
    await startStrategicPmo(runtimeOf('strategic-pmo', 3001)),
    await startProgramPmo(runtimeOf('program-pmo', 3002)),
    await startProjectPmo(runtimeOf('project-pmo', 3003)),
  ];
  const [strategic, program, project] = await Promise.all(apps.map(async (app) => (await app.getUrl()).replace('[::1]', '127.0.0.1')));
  const tokenAuth = runtimeOf('program-pmo', 0).auth;
  const web = await startWebGateway({
    port: Number(process.env.PMO_WEB_PORT ?? 3000),
    staticDir: join(root, 'dist', 'apps', 'web'),
    upstreams: { strategic, program, project },
    signIn: evaluationSignIn(join(root, 'deploy', 'keycloak', 'pmo-realm.json'), keys, tokenAuth),
  });
  process.stdout.write(`web app over the built portfolio at ${web.url}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await web.close();
    for (const app of [...apps].reverse()) await app.close();
    await dropCopy(copy);
    await withAdminClient(copy, (client) => client.query(`DROP DATABASE IF EXISTS "${projectDb}" WITH (FORCE)`));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`the web app over the built portfolio failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
