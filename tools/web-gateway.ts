/**
 * The browser's one origin in the distributed mode: the web app's build, the three services under
 * /api/strategic, /api/program and /api/project, and sign-in on Keycloak's own login page (client pmo-web).
 *   PMO_WEB_PORT (3000), STRATEGIC_PMO_URL / PROGRAM_PMO_URL / PROJECT_PMO_URL (127.0.0.1:3001..3003),
 *   PMO_KEYCLOAK_URL, PMO_KEYCLOAK_REALM (pmo), PMO_WEB_CLIENT_ID (pmo-web), PMO_WEB_DIR (dist/apps/web)
 */
import { startWebGateway } from '@pmo/web-gateway';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const env = process.env;
const keycloakUrl = (env.PMO_KEYCLOAK_URL ?? 'http://127.0.0.1:58080').replace(/\/+$/, '');

startWebGateway({
  port: Number(env.PMO_WEB_PORT ?? 3000),
  host: env.PMO_WEB_HOST ?? '127.0.0.1',
  staticDir: env.PMO_WEB_DIR ?? join(root, 'dist', 'apps', 'web'),
  upstreams: {
    strategic: env.STRATEGIC_PMO_URL ?? `http://127.0.0.1:${env.STRATEGIC_PMO_PORT ?? 3001}`,
    program: env.PROGRAM_PMO_URL ?? `http://127.0.0.1:${env.PROGRAM_PMO_PORT ?? 3002}`,
    project: env.PROJECT_PMO_URL ?? `http://127.0.0.1:${env.PROJECT_PMO_PORT ?? 3003}`,
  },
  signIn: { mode: 'keycloak', authority: `${keycloakUrl}/realms/${env.PMO_KEYCLOAK_REALM ?? 'pmo'}`, clientId: env.PMO_WEB_CLIENT_ID ?? 'pmo-web' },
}).then(
  (gateway) => {
    process.stdout.write(`web app and APIs at ${gateway.url}\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void gateway.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`the web gateway failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
