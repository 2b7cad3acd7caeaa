import express from 'express';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from './security-headers';

async function headersOf(identityProvider?: string): Promise<Headers> {
  const app = express();
  app.use(securityHeaders(identityProvider));
  app.get('/', (_req, res) => void res.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return (await fetch(`http://127.0.0.1:${port}/`)).headers;
  } finally {
    server.close();
  }
}

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('securityHeaders', () => {
  it('allows scripts only from the origin, no framing and no upgrade of plain-HTTP subresources', async () => {
    const headers = await headersOf();
    const policy = directives(headers.get('content-security-policy'));
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('frame-src')).toBe("'none'");
    // The embedded mode and local runs serve plain HTTP on 127.0.0.1: upgrading would break every asset.
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("lets the browser reach Keycloak's origin in the Keycloak mode, and only its origin", async () => {
    const policy = directives((await headersOf('http://127.0.0.1:8080/realms/pmo')).get('content-security-policy'));
    expect(policy.get('connect-src')).toBe("'self' http://127.0.0.1:8080");
    expect(policy.get('frame-src')).toBe('http://127.0.0.1:8080');
    expect(policy.get('script-src')).toBe("'self'");
  });
});
