/**
 * The embedded default: strategic-pmo, program-pmo and project-pmo in one process, on the in-process
 * transport and an embedded real PostgreSQL, tokens signed by a local key, demo data loaded.
 * For evaluation on one machine; the distributed mode runs each service on Kafka, PostgreSQL and Keycloak.
 */
import { startTelemetry } from '@pmo/telemetry';
import type { PmoService } from '@pmo/contracts';
import { QUIET_READS as PROGRAM_QUIET_READS } from '../../apps/program-pmo/src/quiet-reads';
import { QUIET_READS as STRATEGIC_QUIET_READS } from '../../apps/strategic-pmo/src/quiet-reads';

const stopTelemetry = startTelemetry({
  serviceName: 'pmo-embedded',
  otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
  quietReads: [...STRATEGIC_QUIET_READS, ...PROGRAM_QUIET_READS],
});

async function main(): Promise<void> {
  const { join, resolve } = await import('node:path');
  const { evaluationSignIn, loadOrCreateDevKeyPair } = await import('@pmo/auth');
  const { startWebGateway } = await import('@pmo/web-gateway');
  const { Clock, serviceRuntimeFromEnv } = await import('@pmo/http');
  const { InProcessTransport } = await import('@pmo/messaging');
  const { createLogger } = await import('@pmo/telemetry');
  const { startStrategicPmo } = await import('../../apps/strategic-pmo/src/bootstrap');
  const { startProgramPmo } = await import('../../apps/program-pmo/src/bootstrap');
  const { startProjectPmo } = await import('../../apps/project-pmo/src/bootstrap');
  const { startEmbeddedPostgres } = await import('./embedded-postgres');
  const { loadDemoData } = await import('./demo-data');

  const root = resolve(__dirname, '../..');
  const stateDir = process.env.PMO_EMBEDDED_DIR ?? join(root, '.pmo', 'embedded');
  const logger = createLogger('pmo-embedded', process.env.PMO_LOG_LEVEL ?? 'info');
  // The web app's address is the first thing printed; the evaluation warning follows it.
  const webPort = Number(process.env.PMO_WEB_PORT ?? 3000);
  process.stdout.write(`PMO governance platform starting: the web app will be at http://127.0.0.1:${webPort} once the demo data is in\n`);
  logger.warn(
    'EMBEDDED MODE, FOR EVALUATION ONLY: tokens are signed by a local key anyone with this folder can use, ' +
      'events live in memory, and the database is a private PostgreSQL under .pmo/embedded. Use the distributed mode in production.',
  );
  const dbPort = Number(process.env.PMO_EMBEDDED_DB_PORT ?? 54329);
  const database = await startEmbeddedPostgres(stateDir, dbPort, (line) => logger.debug({ postgres: line }, 'postgres'));
  // embedded-postgres stops the server on SIGINT/SIGTERM by itself, before the services have closed;
  // the platform stops it last, in its own handler below.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  const keys = loadOrCreateDevKeyPair(join(stateDir, 'keys'));
  const transport = new InProcessTransport();
  const env = {
    ...process.env,
    PMO_DB_PORT: String(database.port),
    PMO_DB_USER: database.user,
    PMO_DB_PASSWORD: database.password,
    PMO_TRANSPORT: 'in-process',
  };
  // Not ready (503 on /health/ready) until the demo is in and the clocks are locked: a script that waits for
  // readiness then finds the demo whole.
  let demoSettled = false;
  const demoGate = { name: 'demo-data', waitingFor: () => (demoSettled ? null : 'the embedded demo data is still loading') };
  // The clocks are movable while the demo replays its history (a variance that ran and expired), then locked
  // to the system clock unless the platform was started with PMO_CONTROLLABLE_CLOCK=true.
  const runtimeOf = (service: PmoService, port: number) => {
    const runtime = serviceRuntimeFromEnv(service, port, env);
    return {
      ...runtime,
      controllableClock: true,
      transport,
      auth: { ...runtime.auth, realmPublicKeyPem: keys.publicKeyPem },
      readinessGates: [demoGate],
    };
  };

  const services = [
    { name: 'strategic-pmo', app: await startStrategicPmo(runtimeOf('strategic-pmo', 3001)) },
    { name: 'program-pmo', app: await startProgramPmo(runtimeOf('program-pmo', 3002)) },
    { name: 'project-pmo', app: await startProjectPmo(runtimeOf('project-pmo', 3003)) },
  ];
  const urls = Object.fromEntries(await Promise.all(services.map(async (s) => [s.name, (await s.app.getUrl()).replace('[::1]', '127.0.0.1')] as const)));

  // The browser's one origin: the web app, the three APIs under /api/<service>, and the evaluation sign-in,
  // which signs a demo user's token with this instance's key (evaluation only, like the rest of this mode).
  const tokenAuth = runtimeOf('program-pmo', 0).auth;
  const web = await startWebGateway({
    port: webPort,
    staticDir: join(root, 'dist', 'apps', 'web'),
    upstreams: { strategic: urls['strategic-pmo'], program: urls['program-pmo'], project: urls['project-pmo'] },
    signIn: evaluationSignIn(join(root, 'deploy', 'keycloak', 'pmo-realm.json'), keys, tokenAuth),
  });

  // Demo data is a convenience: the platform keeps running without it.
  await loadDemoData(urls, keys, runtimeOf('program-pmo', 0).auth, logger).catch((error: unknown) =>
    logger.error({ err: error }, 'demo data could not be loaded'),
  );
  if (process.env.PMO_CONTROLLABLE_CLOCK !== 'true') for (const { app } of services) app.get(Clock).lock();
  // Ready also when the demo failed: it is logged, and the platform serves without it.
  demoSettled = true;

  const lines = [
    '',
    `PMO governance platform: open ${web.url}   (embedded mode, evaluation only: sign in as a demo user)`,
    ...services.map((s) => `  ${s.name.padEnd(14)} ${urls[s.name]}   API docs: ${urls[s.name]}/api/docs`),
    `  postgres       127.0.0.1:${database.port} (data in ${stateDir})`,
    '  token          npm run dev-token -- sam.strategic   (demo users: see README)',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping the embedded platform');
    await web.close();
    for (const service of [...services].reverse()) await service.app.close();
    await transport.close();
    await database.stop();
    await stopTelemetry();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded platform failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
