import compression from 'compression';
import express, { type Express, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { API_PREFIXES } from './api-prefixes';
import { securityHeaders } from './security-headers';

/** How the browser signs in: Keycloak's own login page (OIDC code flow with PKCE), or the embedded evaluation sign-in. */
export type WebSignIn =
  | { mode: 'keycloak'; authority: string; clientId: string }
  | {
      mode: 'embedded';
      /** The demo users the evaluation sign-in offers. */
      users: () => readonly { username: string; name: string; roles: readonly string[]; groups: readonly string[] }[];
      /** A token for one of them, signed by the embedded instance's key; undefined for a name it does not know. */
      tokenFor: (username: string) => string | undefined;
    };

export interface WebGatewayOptions {
  port: number;
  host?: string;
  /** The web app's production build (index.html and assets/). */
  staticDir: string;
  /** Where each service answers, e.g. http://127.0.0.1:3001. */
  upstreams: Record<keyof typeof API_PREFIXES, string>;
  signIn: WebSignIn;
}

export interface WebGateway {
  url: string;
  close(): Promise<void>;
}

/**
 * One origin for the browser: the web app's files, the three APIs under their prefixes, the sign-in
 * configuration the app reads at start, and (embedded mode only) the evaluation sign-in.
 */
export async function startWebGateway(options: WebGatewayOptions): Promise<WebGateway> {
  const app = createGatewayApp(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function createGatewayApp(options: WebGatewayOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  for (const [service, prefix] of Object.entries(API_PREFIXES) as [keyof typeof API_PREFIXES, string][]) {
    app.use(
      prefix,
      createProxyMiddleware({
        target: options.upstreams[service],
        changeOrigin: false,
        // A service that is down is a 502 with a body that says which, not a hung request.
        proxyTimeout: 60_000,
        on: {
          error: (_error, _req, res) => {
            const response = res as Response;
            if ('headersSent' in response && !response.headersSent) {
              response.status(502).json({ statusCode: 502, error: 'Bad Gateway', message: `${service}-pmo is not answering` });
            }
          },
        },
      }),
    );
  }

  // After the proxies: the APIs answer with their own headers (Swagger UI needs its inline scripts).
  app.use(securityHeaders(options.signIn.mode === 'keycloak' ? options.signIn.authority : undefined));

  app.get('/config.json', (_req, res) => {
    const { signIn } = options;
    res.set('cache-control', 'no-store');
    res.json(signIn.mode === 'keycloak' ? signIn : { mode: 'embedded' });
  });
  if (options.signIn.mode === 'embedded') mountEvaluationSignIn(app, options.signIn);

  app.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));
  if (existsSync(options.staticDir)) {
    // The app's own files gzipped; the APIs' answers pass through the proxies as the services send them.
    app.use(compression());
    // Hashed assets may be cached for good; index.html never, so a new build is picked up at once.
    app.use('/assets', express.static(join(options.staticDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
    app.use(express.static(options.staticDir, { index: false, maxAge: 0 }));
    // Client-side routes: every other GET that wants HTML gets the app.
    app.get(/.*/, (req: Request, res: Response) => {
      res.set('cache-control', 'no-store');
      res.sendFile(join(options.staticDir, 'index.html'));
    });
  } else {
    app.get(/.*/, (_req, res) => {
      res.status(503).type('text/plain').send(`The web app is not built: no ${options.staticDir}. Run: npx nx run web:build`);
    });
  }
  return app;
}

type EmbeddedSignIn = Extract<WebSignIn, { mode: 'embedded' }>;

function mountEvaluationSignIn(app: Express, signIn: EmbeddedSignIn): void {
  app.get('/evaluation/users', (_req, res) => void res.json(signIn.users()));
  app.post('/evaluation/sign-in', express.json({ limit: '1kb' }), (req: Request, res: Response) => {
    const username: unknown = (req.body as { username?: unknown } | undefined)?.username;
    if (typeof username !== 'string' || username.length === 0) {
      res.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'username: a demo user name is required' });
      return;
    }
    const token = signIn.tokenFor(username);
    if (!token) {
      res.status(404).json({ statusCode: 404, error: 'Not Found', message: `username: ${username} is not a demo user of this instance` });
      return;
    }
    res.set('cache-control', 'no-store');
    res.json({ accessToken: token });
  });
}
