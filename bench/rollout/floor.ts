import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { withAdminClient } from '../backbone/databases';
import { benchKafka, measureKafkaFloor } from '../backbone/kafka-floor';
import type { HttpBenchOptions } from '../backbone/http/options';

/** The floor of a rollout to `projects` projects, measured in the same run on the same servers. */
export interface RolloutFloor {
  projects: number;
  /** Raw kafkajs: one message per project produced (batches of 500, acks from all replicas) and consumed. */
  kafkaSeconds: number;
  /** Raw `pg`: one row per project into each service's table of the intervals' shape and indexes, 500 rows a statement. */
  pgSeconds: number;
  seconds: number;
}

const BATCH = 500;

export async function measureRolloutFloor(options: HttpBenchOptions, projects: number): Promise<RolloutFloor> {
  const suffix = `rollout_floor_${Date.now().toString(36)}`;
  const kafka = await measureKafkaFloor({ ...options, events: projects, suffix }, benchKafka({ ...options, suffix }));
  const kafkaSeconds = projects / kafka.endToEndMsgsPerSec;
  const database = `bench_${suffix}`;
  await withAdminClient(options, (client) => client.query(`CREATE DATABASE "${database}"`));
  const pool = new Pool({ ...options.db, database, max: 2 });
  try {
    for (const table of ['program_rows', 'portfolio_rows']) await createIntervalsShape(pool, table);
    const rows = Array.from({ length: projects }, () => ({ project: randomUUID(), program: randomUUID() }));
    const standard = randomUUID();
    const version = randomUUID();
    const started = performance.now();
    // The two services write at the same time, each its own table, as the two models do.
    await Promise.all(
      ['program_rows', 'portfolio_rows'].map(async (table) => {
        for (let i = 0; i < rows.length; i += BATCH) {
          const batch = rows.slice(i, i + BATCH);
          await pool.query(
            `INSERT INTO ${table} (program_id, project_id, standard_id, standard_key, version_id, version, adoption_deadline, state, valid)
             SELECT program_id, project_id, $3, 'bench-rollout', $4, '1.0.0', current_date + 400, 'pending', tstzrange(now(), NULL)
             FROM unnest($1::uuid[], $2::uuid[]) AS r(program_id, project_id)`,
            [batch.map((r) => r.program), batch.map((r) => r.project), standard, version],
          );
        }
      }),
    );
    const pgSeconds = (performance.now() - started) / 1000;
    return { projects, kafkaSeconds, pgSeconds, seconds: kafkaSeconds + pgSeconds };
  } finally {
    await pool.end();
    await withAdminClient(options, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }
}

// The compliance intervals' columns and indexes (libs/compliance-model, createComplianceModel).
async function createIntervalsShape(pool: Pool, table: string): Promise<void> {
  await pool.query(`CREATE TABLE ${table} (
    id bigserial PRIMARY KEY, program_id uuid NOT NULL, project_id uuid NOT NULL, standard_id uuid NOT NULL, standard_key text NOT NULL,
    version_id uuid NOT NULL, version text NOT NULL, adoption_deadline date NOT NULL, state text NOT NULL, valid tstzrange NOT NULL)`);
  await pool.query(`CREATE INDEX ${table}_valid ON ${table} USING gist (valid)`);
  await pool.query(`CREATE INDEX ${table}_key ON ${table} (program_id, standard_key, project_id, version_id, lower(valid))`);
  await pool.query(`CREATE UNIQUE INDEX ${table}_current ON ${table} (program_id, standard_key, project_id, version_id) WHERE upper_inf(valid)`);
  await pool.query(`CREATE INDEX ${table}_project ON ${table} (project_id, version_id, lower(valid))`);
}
