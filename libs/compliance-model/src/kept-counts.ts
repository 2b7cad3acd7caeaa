import type { QueryRunner } from 'typeorm';
import { tablesOf } from './compliance-model-config';

/**
 * Counts kept beside the intervals, so that a summary or heatmap of "now" reads a few thousand counts instead of
 * every row of the model (500,000 at 10,000 projects × 50 standards: 150–190 ms a scan):
 *   `<prefix>_compliance_open_counts`  the open rows (valid without end) per program × standard × state;
 *   `<prefix>_compliance_boundary`     the latest instant any row stored so far began or ended at.
 * Rows valid at an instant at or after that boundary are exactly the open rows (every closed row ended at or
 * before it, every open row began at or before it), so their counts answer for that instant; an earlier instant
 * (an "as of", or a clock moved back) counts the intervals themselves. The boundary only grows, even when rows
 * go: it may send a count to the intervals when the counts would have done, never the other way round.
 * Statement triggers with transition tables keep both in the transaction that writes the intervals, whatever
 * writes them, at one aggregate per statement rather than one update per row.
 */
export async function createKeptCounts(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(`
    CREATE TABLE ${t.counts} (
      program_id uuid NOT NULL,
      standard_key text NOT NULL,
      state text NOT NULL,
      n integer NOT NULL CHECK (n > 0),
      PRIMARY KEY (program_id, standard_key, state)
    )`);
  await queryRunner.query(`CREATE TABLE ${t.boundary} (latest timestamptz NOT NULL)`);
  await queryRunner.query(`
    INSERT INTO ${t.counts} SELECT program_id, standard_key, state, count(*) FROM ${t.intervals} WHERE upper_inf(valid) GROUP BY 1, 2, 3`);
  await queryRunner.query(`
    INSERT INTO ${t.boundary}
    SELECT coalesce(greatest(max(lower(valid)), max(upper(valid))), '-infinity') FROM ${t.intervals}`);
  const add = `
    INSERT INTO ${t.counts} AS c SELECT program_id, standard_key, state, count(*) FROM added WHERE upper_inf(valid) GROUP BY 1, 2, 3
      ON CONFLICT (program_id, standard_key, state) DO UPDATE SET n = c.n + EXCLUDED.n;
    UPDATE ${t.boundary} SET latest = greatest(latest, (SELECT greatest(max(lower(valid)), max(upper(valid))) FROM added));`;
  const removedCounts = `(SELECT program_id, standard_key, state, count(*) AS n FROM removed WHERE upper_inf(valid) GROUP BY 1, 2, 3) r
      WHERE (c.program_id, c.standard_key, c.state) = (r.program_id, r.standard_key, r.state)`;
  const remove = `
    DELETE FROM ${t.counts} c USING ${removedCounts} AND c.n <= r.n;
    UPDATE ${t.counts} c SET n = c.n - r.n FROM ${removedCounts};`;
  // The model replaces rows and never updates one; an update (a repair by hand) is a removal and an addition.
  for (const [name, body, event, tables] of [
    ['added', add, 'INSERT', 'NEW TABLE AS added'],
    ['removed', remove, 'DELETE', 'OLD TABLE AS removed'],
    ['updated', remove + add, 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added'],
  ] as const) {
    await queryRunner.query(`CREATE FUNCTION ${t.counts}_${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER open_counts_${name} AFTER ${event} ON ${t.intervals} REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${t.counts}_${name}()`,
    );
  }
}

export async function dropKeptCounts(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  for (const trigger of ['open_counts_added', 'open_counts_removed', 'open_counts_updated'])
    await queryRunner.query(`DROP TRIGGER ${trigger} ON ${t.intervals}`);
  for (const fn of ['added', 'removed', 'updated']) await queryRunner.query(`DROP FUNCTION ${t.counts}_${fn}()`);
  await queryRunner.query(`DROP TABLE ${t.counts}, ${t.boundary}`);
}
