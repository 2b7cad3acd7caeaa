import { withAdminClient } from '../backbone/databases';
import { httpBenchDatabases } from '../backbone/http/services';
import type { HttpBenchOptions } from '../backbone/http/options';

/**
 * A run's own copy of the built portfolio's two databases (CREATE DATABASE … TEMPLATE): the rollout adds a
 * standard and decisions, and the portfolio stays as the portfolio bench measures it. Its suffix is unique to the
 * run, so are its Kafka consumer groups: nothing published before the run reaches it.
 */
export async function copyPortfolio(portfolio: HttpBenchOptions, suffix: string): Promise<HttpBenchOptions> {
  const copy = { ...portfolio, suffix };
  const [from, to] = [httpBenchDatabases(portfolio), httpBenchDatabases(copy)];
  await withAdminClient(portfolio, async (client) => {
    for (const service of ['program', 'strategic'] as const) {
      await client.query(`DROP DATABASE IF EXISTS "${to[service]}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${to[service]}" TEMPLATE "${from[service]}" STRATEGY FILE_COPY`);
    }
  });
  return copy;
}

export async function dropCopy(copy: HttpBenchOptions): Promise<void> {
  await withAdminClient(copy, async (client) => {
    for (const name of Object.values(httpBenchDatabases(copy))) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
