import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';

/** Where a service listens. */
export interface ServiceAddress {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

/** A service's port, opened before the service has loaded: it answers the liveness probe until `serve` hands it over. */
export interface ServicePort {
  server: Server;
  /** Resolves once the port is open; rejects if it cannot be (taken, not allowed). */
  listening: Promise<void>;
  /** From now on every request goes to the service's own handler. */
  serve(handler: RequestListener): void;
}

/**
 * `<SERVICE>_PORT` (default: the service's own) and `PMO_HTTP_HOST` (default: loopback). Throws on a bad port.
 * It imports nothing but node:http, so that an entry point can read it and open the port before loading the rest.
 */
export function servicePortFromEnv(serviceName: string, defaultPort: number, env: NodeJS.ProcessEnv): ServiceAddress {
  const prefix = serviceName.toUpperCase().replace(/-/g, '_');
  const port = Number(env[`${prefix}_PORT`] ?? defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid environment variables: ${prefix}_PORT must be a port number`);
  return { host: env.PMO_HTTP_HOST ?? '127.0.0.1', port };
}

const LIVE = JSON.stringify({ status: 'ok', info: {}, error: {}, details: {} });
const STARTING = JSON.stringify({ statusCode: 503, code: 'starting', message: 'the service is starting: try again in a moment' });

/** While the service loads: the process answers `/health/live`; everything else (readiness too) is a 503 that says why. */
function answerWhileStarting(req: IncomingMessage, res: ServerResponse): void {
  const live = req.method === 'GET' && (req.url === '/health/live' || req.url?.startsWith('/health/live?'));
  res.writeHead(live ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', ...(live ? {} : { 'retry-after': '1' }) });
  res.end(live ? LIVE : STARTING);
}

/**
 * Opens the port at once. Loading the service's modules, its dependency injection and its database take
 * seconds (more on a busy node); a liveness probe must not kill the process meanwhile, and readiness stays
 * down until the service itself answers it.
 */
export function openServicePort(address: ServiceAddress): ServicePort {
  let handler: RequestListener = answerWhileStarting;
  const server = createServer((req, res) => handler(req, res));
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    listening,
    serve(next) {
      handler = next;
    },
  };
}
