import type { QueryRunner } from 'typeorm';
import { tablesOf } from './compliance-model-config';

/**
 * Creates a service's compliance read model: the intervals (one row per project × version × state, valid over a
 * `tstzrange`), the next instant the clock changes each project (reviews), and the marks the service's triggers
 * write in the transaction of a fact (what to recompute, from when). `<prefix>_compliance_mark(project, program,
 * from)` is the function the triggers call; a mark with neither project nor program means every project.
 * One initial mark asks for the whole model to be built from the facts already stored.
 */
export async function createComplianceModel(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(`
    CREATE TABLE ${t.intervals} (
      id bigserial PRIMARY KEY,
      program_id uuid NOT NULL,
      project_id uuid NOT NULL,
      standard_id uuid NOT NULL,
      standard_key text NOT NULL,
      version_id uuid NOT NULL,
      version text NOT NULL,
      adoption_deadline date NOT NULL,
      state text NOT NULL,
      valid tstzrange NOT NULL,
      CHECK (NOT isempty(valid))
    )`);
  // "As of": the GiST index answers valid @> instant, and the key index walks pages of it in order; "now": the
  // partial index holds only the rows still valid, in the order of pages (one per project × version, so a
  // page never repeats or skips a row).
  await queryRunner.query(`CREATE INDEX ${t.intervals}_valid ON ${t.intervals} USING gist (valid)`);
  await queryRunner.query(`CREATE INDEX ${t.intervals}_key ON ${t.intervals} (program_id, standard_key, project_id, version_id, lower(valid))`);
  await queryRunner.query(
    `CREATE UNIQUE INDEX ${t.intervals}_current ON ${t.intervals} (program_id, standard_key, project_id, version_id) WHERE upper_inf(valid)`,
  );
  await queryRunner.query(`CREATE INDEX ${t.intervals}_project ON ${t.intervals} (project_id, version_id, lower(valid))`);
  await queryRunner.query(`CREATE TABLE ${t.reviews} (project_id uuid PRIMARY KEY, review_at timestamptz NOT NULL)`);
  await queryRunner.query(`CREATE INDEX ${t.reviews}_due ON ${t.reviews} (review_at)`);
  await queryRunner.query(`
    CREATE TABLE ${t.marks} (
      id bigserial PRIMARY KEY,
      tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
      project_id uuid,
      program_id uuid,
      from_at timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX ${t.marks}_tx ON ${t.marks} (tx)`);
  await queryRunner.query(`
    CREATE FUNCTION ${t.mark}(project uuid, program uuid, from_at timestamptz) RETURNS void LANGUAGE sql AS $$
      INSERT INTO ${t.marks} (project_id, program_id, from_at) VALUES (project, program, from_at)
    $$`);
  await queryRunner.query(`SELECT ${t.mark}(NULL, NULL, NULL)`);
}

export async function dropComplianceModel(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(`DROP FUNCTION ${t.mark}(uuid, uuid, timestamptz)`);
  await queryRunner.query(`DROP TABLE ${t.marks}, ${t.reviews}, ${t.intervals}`);
}

/** A trigger on a fact table: on which operations (and columns), and the PL/pgSQL that marks what they change. */
export interface FactTrigger {
  table: string;
  when: string;
  body: string;
}

/** Creates each fact table's `compliance_marks` trigger (its function is `<table>_compliance_marks`). */
export async function createFactTriggers(queryRunner: QueryRunner, triggers: readonly FactTrigger[]): Promise<void> {
  for (const { table, when, body } of triggers) {
    await queryRunner.query(`CREATE FUNCTION ${table}_compliance_marks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER compliance_marks AFTER ${when} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_compliance_marks()`);
  }
}

export async function dropFactTriggers(queryRunner: QueryRunner, triggers: readonly FactTrigger[]): Promise<void> {
  for (const { table } of triggers) {
    await queryRunner.query(`DROP TRIGGER compliance_marks ON ${table}`);
    await queryRunner.query(`DROP FUNCTION ${table}_compliance_marks()`);
  }
}

/**
 * The trigger body for a version table: ending a version changes rows from its end on; any other change of a
 * published one, from its publication (`ignored`: columns that do not reach the compliance rules).
 */
export function versionTriggerBody(mark: string, ignored: readonly string[]): string {
  const rest = (row: string) => `(to_jsonb(${row}) - ${["'ended_at'", "'state'", ...ignored.map((c) => `'${c}'`)].join(' - ')})`;
  return `IF TG_OP = 'UPDATE' AND ${rest('OLD')} = ${rest('NEW')} THEN
      IF OLD.ended_at IS DISTINCT FROM NEW.ended_at THEN PERFORM ${mark}(NULL, NULL, least(OLD.ended_at, NEW.ended_at)); END IF;
    ELSIF OLD.published_at IS NOT NULL OR NEW.published_at IS NOT NULL THEN
      PERFORM ${mark}(NULL, NULL, least(OLD.published_at, NEW.published_at));
    END IF;`;
}
