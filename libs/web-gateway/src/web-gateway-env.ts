import type { WebGatewayOptions } from './web-gateway';

/**
 * The gateway's options in the distributed mode and in the Helm chart, from its environment:
 *   PMO_WEB_PORT (3000), PMO_WEB_HOST (127.0.0.1; 0.0.0.0 in a pod), PMO_WEB_DIR (the web app's build),
 *   STRATEGIC_PMO_URL / PROGRAM_PMO_URL / PROJECT_PMO_URL (else 127.0.0.1 on <SERVICE>_PORT, 3001..3003),
 *   PMO_KEYCLOAK_URL, PMO_KEYCLOAK_REALM (pmo), PMO_WEB_CLIENT_ID (pmo-web).
 * Sign-in is always Keycloak's login page: the evaluation sign-in exists only inside the embedded process.
 */
export function webGatewayOptionsFromEnv(env: NodeJS.ProcessEnv, defaultStaticDir: string): WebGatewayOptions {
  const port = Number(env.PMO_WEB_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PMO_WEB_PORT must be a port number (0-65535), got ${JSON.stringify(env.PMO_WEB_PORT)}`);
  }
  const keycloakUrl = (env.PMO_KEYCLOAK_URL ?? 'http://127.0.0.1:58080').replace(/\/+$/, '');
  return {
    port,
    host: env.PMO_WEB_HOST ?? '127.0.0.1',
    staticDir: env.PMO_WEB_DIR ?? defaultStaticDir,
    upstreams: {
      strategic: env.STRATEGIC_PMO_URL ?? `http://127.0.0.1:${env.STRATEGIC_PMO_PORT ?? 3001}`,
      program: env.PROGRAM_PMO_URL ?? `http://127.0.0.1:${env.PROGRAM_PMO_PORT ?? 3002}`,
      project: env.PROJECT_PMO_URL ?? `http://127.0.0.1:${env.PROJECT_PMO_PORT ?? 3003}`,
    },
    signIn: { mode: 'keycloak', authority: `${keycloakUrl}/realms/${env.PMO_KEYCLOAK_REALM ?? 'pmo'}`, clientId: env.PMO_WEB_CLIENT_ID ?? 'pmo-web' },
  };
}
