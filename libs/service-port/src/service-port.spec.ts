import type { AddressInfo } from 'node:net';
import { openServicePort, servicePortFromEnv } from './service-port';

describe('servicePortFromEnv', () => {
  it("takes the service's own port variable and the shared host", () => {
    expect(servicePortFromEnv('program-pmo', 3002, { PROGRAM_PMO_PORT: '8080', PMO_HTTP_HOST: '0.0.0.0' })).toEqual({ host: '0.0.0.0', port: 8080 });
  });

  it("defaults to the service's port on loopback", () => {
    expect(servicePortFromEnv('strategic-pmo', 3001, {})).toEqual({ host: '127.0.0.1', port: 3001 });
  });

  it.each(['http', '-1', '70000', '80.5'])('refuses %s as a port, naming the variable', (value) => {
    expect(() => servicePortFromEnv('project-pmo', 3003, { PROJECT_PMO_PORT: value })).toThrow(
      'Invalid environment variables: PROJECT_PMO_PORT must be a port number',
    );
  });
});

describe('openServicePort', () => {
  it('answers the liveness probe at once and refuses the rest with a reason, until the service takes the port over', async () => {
    const port = openServicePort({ host: '127.0.0.1', port: 0 });
    await port.listening;
    const { port: number } = port.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${number}`;
    try {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('1');
      expect(await ready.json()).toEqual({ statusCode: 503, code: 'starting', message: 'the service is starting: try again in a moment' });

      port.serve((_req, res) => res.writeHead(204).end());
      expect((await fetch(`${url}/health/ready`)).status).toBe(204);
    } finally {
      await new Promise((done) => port.server.close(done));
    }
  });

  it('rejects when the port is taken', async () => {
    const first = openServicePort({ host: '127.0.0.1', port: 0 });
    await first.listening;
    const second = openServicePort({ host: '127.0.0.1', port: (first.server.address() as AddressInfo).port });
    try {
      await expect(second.listening).rejects.toThrow('EADDRINUSE');
    } finally {
      await new Promise((done) => first.server.close(done));
    }
  });
});
