import { pipeline } from 'node:stream';
import { escapeLiteral, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CrlfLines } from './crlf-lines';

/**
 * Streams the rows of `select` as CSV lines written by PostgreSQL itself (`COPY … TO STDOUT WITH CSV`): no row
 * becomes an object in this process, and the copy reads from the socket only as fast as the caller takes the
 * chunks, so memory holds a chunk or two whatever the size. One statement, one snapshot: every row once.
 * The connection is the caller's for the whole export; one left mid-copy is closed rather than pooled again.
 */
export async function* copyCsv(dataSource: DataSource, select: { sql: string; params: unknown[] }): AsyncGenerator<Buffer> {
  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [PoolClient, (error?: Error) => void];
  let finished = false;
  try {
    // One statement for the whole export, at the pace of the client reading it: the pool's statement timeout
    // (meant for queries) would cut a long export off; the setting is reset before the connection goes back.
    await client.query('SET statement_timeout TO 0');
    // COPY takes no bind parameters: the values go in as literals, escaped by pg.
    // NULL as \N: an empty string is then written bare, as `complianceCsvLine` writes it, not as "".
    const copy = client.query(copyTo(`COPY (${inlined(select.sql, select.params)}) TO STDOUT WITH (FORMAT csv, NULL '\\N')`));
    // A failure of either stream ends the loop below with it; leaving the loop early destroys both.
    const lines = pipeline(copy, new CrlfLines(), () => undefined);
    for await (const chunk of lines) yield chunk as Buffer;
    await client.query('RESET statement_timeout');
    finished = true;
  } finally {
    release(finished ? undefined : new Error('the CSV export stopped before the end of its copy'));
  }
}

/** `sql` with each `$n` replaced by its value as a quoted literal (a cast after it still applies). */
export function inlined(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => escapeLiteral(literalOf(params[Number(n) - 1])));
}

function literalOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new Error(`no literal for a parameter of type ${typeof value}`);
}
