import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { benchDatabaseNames, withAdminClient } from './databases';
import type { BenchOptions } from './options';
import { sampleProgramMessage } from './sample-event';
import { perSecond } from './stats';

export interface PgFloor {
  rows: number;
  connections: number;
  rowsPerSec: number;
}

/** The database's ceiling: one committed single-row INSERT per row, the outbox row's shape and size. */
export async function measurePgFloor(options: BenchOptions): Promise<PgFloor> {
  const database = benchDatabaseNames(options).floor;
  await withAdminClient(options, (client) => client.query(`CREATE DATABASE "${database}"`));
  const pool = new Pool({ ...options.db, database, max: options.poolSize });
  try {
    await pool.query(`CREATE TABLE floor_rows (
      seq bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, event_type text NOT NULL, topic text NOT NULL,
      message_key text NOT NULL, headers jsonb NOT NULL, value text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    const sample = sampleProgramMessage(`floor-${options.suffix}`, 0);
    const headers = JSON.stringify(sample.headers);
    let next = 0;
    const insertUntilDone = async () => {
      while (next++ < options.events) {
        await pool.query(`INSERT INTO floor_rows (event_id, event_type, topic, message_key, headers, value) VALUES ($1, $2, $3, $4, $5, $6)`, [
          randomUUID(),
          'pmo.program.registered.v1',
          sample.topic,
          randomUUID(),
          headers,
          sample.value,
        ]);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.poolSize }, insertUntilDone));
    return { rows: options.events, connections: options.poolSize, rowsPerSec: perSecond(options.events, performance.now() - started) };
  } finally {
    await pool.end();
  }
}
