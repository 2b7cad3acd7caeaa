import { webGatewayOptionsFromEnv } from './web-gateway-env';

describe('webGatewayOptionsFromEnv', () => {
  it('defaults to the distributed mode on this machine: port 3000 on loopback, services on 3001..3003', () => {
    const options = webGatewayOptionsFromEnv({}, '/srv/web');
    expect(options).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      staticDir: '/srv/web',
      upstreams: { strategic: 'http://127.0.0.1:3001', program: 'http://127.0.0.1:3002', project: 'http://127.0.0.1:3003' },
      signIn: { mode: 'keycloak', authority: 'http://127.0.0.1:58080/realms/pmo', clientId: 'pmo-web' },
    });
  });

  it('takes the URLs a chart gives, and drops a trailing slash from the Keycloak URL', () => {
    const options = webGatewayOptionsFromEnv(
      {
        PMO_WEB_PORT: '8080',
        PMO_WEB_HOST: '0.0.0.0',
        PMO_WEB_DIR: '/app/apps/web',
        STRATEGIC_PMO_URL: 'http://pmo-strategic-pmo:3001',
        PROGRAM_PMO_URL: 'http://pmo-program-pmo:3002',
        PROJECT_PMO_URL: 'http://pmo-project-pmo:3003',
        PMO_KEYCLOAK_URL: 'https://sso.example.org/',
        PMO_KEYCLOAK_REALM: 'acme',
        PMO_WEB_CLIENT_ID: 'acme-web',
      },
      '/unused',
    );
    expect(options).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      staticDir: '/app/apps/web',
      upstreams: { strategic: 'http://pmo-strategic-pmo:3001', program: 'http://pmo-program-pmo:3002', project: 'http://pmo-project-pmo:3003' },
      signIn: { mode: 'keycloak', authority: 'https://sso.example.org/realms/acme', clientId: 'acme-web' },
    });
  });

  it('uses <SERVICE>_PORT when no service URL is given', () => {
    const options = webGatewayOptionsFromEnv({ STRATEGIC_PMO_PORT: '4001', PROGRAM_PMO_PORT: '4002', PROJECT_PMO_PORT: '4003' }, '/srv/web');
    expect(options.upstreams).toEqual({ strategic: 'http://127.0.0.1:4001', program: 'http://127.0.0.1:4002', project: 'http://127.0.0.1:4003' });
  });

  it.each(['web', '70000', '-1', '3000.5'])('refuses PMO_WEB_PORT=%s, naming the variable', (value) => {
    expect(() => webGatewayOptionsFromEnv({ PMO_WEB_PORT: value }, '/srv/web')).toThrow(`PMO_WEB_PORT must be a port number (0-65535), got "${value}"`);
  });
});
