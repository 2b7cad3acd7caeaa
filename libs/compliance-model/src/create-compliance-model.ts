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

/**
 * Lets a mark name a standard (see `ProjectToRefresh`): the marks get a `standard_id`, `<prefix>_compliance_mark`
 * takes it as a fourth argument (null, the default: every standard), and `<prefix>_compliance_standard_of(versions)`
 * gives the one standard of some versions (nulls ignored), or null when they are of several or one is not known
 * (a version not seen yet): the mark is then the whole project's, never too narrow.
 */
export async function addStandardToMarks(queryRunner: QueryRunner, prefix: string, versions: { table: string; id: string; standardId: string }): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(`ALTER TABLE ${t.marks} ADD COLUMN standard_id uuid`);
  // A catch-up takes the marks of a batch of projects at a time (see ComplianceModel.catchUp).
  await queryRunner.query(`CREATE INDEX ${t.marks}_project ON ${t.marks} (project_id)`);
  await queryRunner.query(`DROP FUNCTION ${t.mark}(uuid, uuid, timestamptz)`);
  await queryRunner.query(`
    CREATE FUNCTION ${t.mark}(project uuid, program uuid, from_at timestamptz, standard uuid DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
      INSERT INTO ${t.marks} (project_id, program_id, from_at, standard_id) VALUES (project, program, from_at, standard)
    $$`);
  await queryRunner.query(`
    CREATE FUNCTION ${t.standardOf}(versions uuid[]) RETURNS uuid LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN count(*) > 0 AND bool_and(s IS NOT NULL) AND count(DISTINCT s) = 1 THEN min(s::text)::uuid END
      FROM (SELECT (SELECT ${versions.standardId} FROM ${versions.table} WHERE ${versions.id} = v) AS s FROM unnest(versions) v WHERE v IS NOT NULL) named
    $$`);
}

export async function dropStandardFromMarks(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(`DROP FUNCTION ${t.standardOf}(uuid[])`);
  await queryRunner.query(`DROP FUNCTION ${t.mark}(uuid, uuid, timestamptz, uuid)`);
  await queryRunner.query(`
    CREATE FUNCTION ${t.mark}(project uuid, program uuid, from_at timestamptz) RETURNS void LANGUAGE sql AS $$
      INSERT INTO ${t.marks} (project_id, program_id, from_at) VALUES (project, program, from_at)
    $$`);
  await queryRunner.query(`DROP INDEX ${t.marks}_project`);
  await queryRunner.query(`ALTER TABLE ${t.marks} DROP COLUMN standard_id`);
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

/** Replaces the PL/pgSQL of existing `compliance_marks` triggers (same tables, operations and columns). */
export async function replaceFactTriggerBodies(queryRunner: QueryRunner, triggers: readonly Omit<FactTrigger, 'when'>[]): Promise<void> {
  for (const { table, body } of triggers) {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ${table}_compliance_marks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`);
  }
}

export async function dropFactTriggers(queryRunner: QueryRunner, triggers: readonly FactTrigger[]): Promise<void> {
  for (const { table } of triggers) {
    await queryRunner.query(`DROP TRIGGER compliance_marks ON ${table}`);
    await queryRunner.query(`DROP FUNCTION ${table}_compliance_marks()`);
  }
}

/** A decision table: each row decides for one project (`project_id`) from `decided_at`, on a version of `versions`. */
export interface DecisionTable {
  table: string;
  versions: { table: string; id: string; standardId: string };
}

/**
 * Marks a decision table's changes once per statement, from its transition tables, each row with its version's
 * standard found by one join (null when the version is not known yet: the whole project). Row by row, a bulk
 * adoption of 50 projects called `<prefix>_compliance_standard_of` 50 times, 26 ms of a 27 ms INSERT in
 * program-pmo and 79 ms per batch of events in strategic-pmo (bench:rollout, full size; 1–2 ms per statement).
 * An update marks the old row with its version's standard and the new row with its own: a decision reaches
 * only its own version's standard (see `ProjectToRefresh`).
 */
export async function markDecisionsPerStatement(queryRunner: QueryRunner, prefix: string, d: DecisionTable): Promise<void> {
  const t = tablesOf(prefix);
  const marksOf = (rows: string) =>
    `INSERT INTO ${t.marks} (project_id, from_at, standard_id)
       SELECT c.project_id, c.decided_at, v.${d.versions.standardId} FROM ${rows} c LEFT JOIN ${d.versions.table} v ON v.${d.versions.id} = c.version_id;`;
  await queryRunner.query(`DROP TRIGGER compliance_marks ON ${d.table}`);
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION ${d.table}_compliance_marks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      ${marksOf('changed')}
      IF TG_OP = 'UPDATE' THEN ${marksOf('changed_before')} END IF;
      RETURN NULL; END $$`);
  // A trigger with transition tables fires on one operation only: three, all calling the one function.
  const statement = `FOR EACH STATEMENT EXECUTE FUNCTION ${d.table}_compliance_marks()`;
  await queryRunner.query(`CREATE TRIGGER compliance_marks_inserted AFTER INSERT ON ${d.table} REFERENCING NEW TABLE AS changed ${statement}`);
  await queryRunner.query(
    `CREATE TRIGGER compliance_marks_updated AFTER UPDATE ON ${d.table} REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed ${statement}`,
  );
  await queryRunner.query(`CREATE TRIGGER compliance_marks_deleted AFTER DELETE ON ${d.table} REFERENCING OLD TABLE AS changed ${statement}`);
}

/** Back to one `compliance_marks` trigger per row with this body. */
export async function markDecisionsPerRow(queryRunner: QueryRunner, trigger: Omit<FactTrigger, 'when'>): Promise<void> {
  for (const operation of ['inserted', 'updated', 'deleted']) await queryRunner.query(`DROP TRIGGER compliance_marks_${operation} ON ${trigger.table}`);
  await queryRunner.query(`DROP FUNCTION ${trigger.table}_compliance_marks()`);
  await createFactTriggers(queryRunner, [{ ...trigger, when: 'INSERT OR UPDATE OR DELETE' }]);
}

/**
 * The trigger body for a version table: ending a version changes rows from its end on; any other change of a
 * published one, from its publication (`ignored`: columns that do not reach the compliance rules). With
 * `standardId` (the table's column), the mark names the version's standard: only its rows change (a version
 * moved to another standard, which does not happen, marks every standard).
 */
export function versionTriggerBody(mark: string, ignored: readonly string[], standardId?: string): string {
  const rest = (row: string) => `(to_jsonb(${row}) - ${["'ended_at'", "'state'", ...ignored.map((c) => `'${c}'`)].join(' - ')})`;
  const standard = standardId
    ? `, CASE WHEN OLD.${standardId} IS NULL THEN NEW.${standardId} WHEN NEW.${standardId} IS NULL OR NEW.${standardId} = OLD.${standardId} THEN OLD.${standardId} END`
    : '';
  return `IF TG_OP = 'UPDATE' AND ${rest('OLD')} = ${rest('NEW')} THEN
      IF OLD.ended_at IS DISTINCT FROM NEW.ended_at THEN PERFORM ${mark}(NULL, NULL, least(OLD.ended_at, NEW.ended_at)${standard}); END IF;
    ELSIF OLD.published_at IS NOT NULL OR NEW.published_at IS NOT NULL THEN
      PERFORM ${mark}(NULL, NULL, least(OLD.published_at, NEW.published_at)${standard});
    END IF;`;
}
