import type { QueryRunner } from 'typeorm';
import { tablesOf, type LabelTables } from './compliance-model-config';

/**
 * A version of what the summaries and heatmaps of "now" answer from: `<prefix>_compliance_boundary.version`,
 * bumped by a statement trigger on every write to the intervals (which keep the counts, see `createKeptCounts`)
 * and to the programs' labels and tags, in the transaction of the write. Read in the snapshot of the counts, it
 * names the answer they give, so an answer kept under it is served again only while nothing it depends on changed
 * (`ViewAnswers`). A statement that writes no row still bumps it: an answer computed again, never a stale one.
 */
export async function createViewsVersion(queryRunner: QueryRunner, prefix: string, programsTable: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(`ALTER TABLE ${t.boundary} ADD COLUMN version bigint NOT NULL DEFAULT 0`);
  await queryRunner.query(
    `CREATE FUNCTION ${t.boundary}_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE ${t.boundary} SET version = version + 1; RETURN NULL; END $$`,
  );
  for (const table of [t.intervals, programsTable])
    await queryRunner.query(
      `CREATE TRIGGER compliance_views_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${t.boundary}_bump()`,
    );
}

export async function dropViewsVersion(queryRunner: QueryRunner, prefix: string, programsTable: string): Promise<void> {
  const t = tablesOf(prefix);
  for (const table of [t.intervals, programsTable]) await queryRunner.query(`DROP TRIGGER compliance_views_version ON ${table}`);
  await queryRunner.query(`DROP FUNCTION ${t.boundary}_bump()`);
  await queryRunner.query(`ALTER TABLE ${t.boundary} DROP COLUMN version`);
}

/**
 * The bump takes the model's lock (`ComplianceModel`'s advisory lock on the intervals' name) before it locks the
 * version's row. A write to the programs bumps the version before its transaction recomputes its marks under that
 * lock, while a refresh holding the lock bumps it through the intervals: each waited for the other (a deadlock,
 * answered 503). Now every holder of the row holds the lock first. The lock is re-entrant within a transaction.
 */
export async function lockModelBeforeVersionBump(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(
    `CREATE OR REPLACE FUNCTION ${t.boundary}_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       PERFORM pg_advisory_xact_lock(hashtext('${t.intervals}'));
       UPDATE ${t.boundary} SET version = version + 1; RETURN NULL; END $$`,
  );
}

export async function bumpVersionWithoutLock(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(
    `CREATE OR REPLACE FUNCTION ${t.boundary}_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE ${t.boundary} SET version = version + 1; RETURN NULL; END $$`,
  );
}

/**
 * A kept first page shows the projects' codes and names: a change of either bumps the version too. Per row and
 * only when one changed, so that a project's progress or phase (the same `UPDATE` statement) takes no lock.
 */
export async function bumpVersionOnProjectLabels(queryRunner: QueryRunner, prefix: string, projects: LabelTables['projects']): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(
    `CREATE TRIGGER compliance_views_version_labels AFTER UPDATE ON ${projects.table} FOR EACH ROW
     WHEN (OLD.${projects.code} IS DISTINCT FROM NEW.${projects.code} OR OLD.${projects.name} IS DISTINCT FROM NEW.${projects.name})
     EXECUTE FUNCTION ${t.boundary}_bump()`,
  );
}

export async function dropProjectLabelsBump(queryRunner: QueryRunner, projects: LabelTables['projects']): Promise<void> {
  await queryRunner.query(`DROP TRIGGER compliance_views_version_labels ON ${projects.table}`);
}
