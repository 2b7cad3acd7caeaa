/**
 * The web workload of the distributed mode and of the Helm chart: the web app's production build, the three
 * APIs under /api/strategic, /api/program and /api/project (the embedded mode's paths), and sign-in on
 * Keycloak's login page. Configuration: webGatewayOptionsFromEnv (@pmo/web-gateway).
 */
import { startWebGateway, webGatewayOptionsFromEnv } from '@pmo/web-gateway';
import { resolve } from 'node:path';

// Built, this file is apps/web-gateway/src/main.js beside the web app's build in apps/web/ (dist/ or the image).
const builtWebApp = resolve(__dirname, '..', '..', 'web');

async function main(): Promise<void> {
  const gateway = await startWebGateway(webGatewayOptionsFromEnv(process.env, builtWebApp));
  process.stdout.write(`web app and APIs at ${gateway.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void gateway.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`the web gateway failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
