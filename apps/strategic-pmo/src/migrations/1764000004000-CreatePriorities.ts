import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Project priorities: priority policies as standards, the rankings, their change history and the changes asked for. */
export class CreatePriorities1764000004000 implements MigrationInterface {
  name = 'CreatePriorities1764000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE standards DROP CONSTRAINT standards_kind_check`);
    await queryRunner.query(
      `ALTER TABLE standards ADD CONSTRAINT standards_kind_check CHECK (kind IN ('methodology', 'standard', 'report-format', 'tool', 'priority-policy'))`,
    );
    // One row per ranking ('portfolio', 'program:<id>'): its order, and the row a change locks.
    await queryRunner.query(`
      CREATE TABLE priority_rankings (
        scope_key text PRIMARY KEY,
        ordering uuid[] NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE priority_changes (
        id uuid PRIMARY KEY,
        -- Taken while the ranking's row is locked: the order changes were applied in, even within one instant.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        project_id uuid NOT NULL,
        program_id uuid NOT NULL,
        scope text NOT NULL CHECK (scope IN ('program', 'portfolio')),
        scope_key text NOT NULL,
        from_rank integer NOT NULL,
        to_rank integer NOT NULL,
        scores jsonb NOT NULL,
        weighted_score numeric(6, 2) NOT NULL,
        reason text NOT NULL,
        changed_by_subject text NOT NULL,
        changed_by_name text NOT NULL,
        changed_at timestamptz NOT NULL,
        policy_version_id uuid NOT NULL,
        request_id uuid,
        ordering uuid[] NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX priority_changes_scope_at ON priority_changes (scope_key, changed_at DESC)`);
    await queryRunner.query(`CREATE INDEX priority_changes_project_at ON priority_changes (project_id, changed_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE priority_requests (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        program_id uuid NOT NULL,
        scope text NOT NULL CHECK (scope IN ('program', 'portfolio')),
        from_rank integer NOT NULL,
        to_rank integer NOT NULL,
        scores jsonb NOT NULL,
        reason text NOT NULL,
        outside_policy text NOT NULL,
        policy_version_id uuid NOT NULL,
        asked_by_subject text NOT NULL,
        asked_by_name text NOT NULL,
        asked_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
        decided_by_subject text,
        decided_by_name text,
        decided_at timestamptz,
        decision_reason text
      )`);
    await queryRunner.query(`CREATE INDEX priority_requests_program_state ON priority_requests (program_id, state)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE priority_requests`);
    await queryRunner.query(`DROP TABLE priority_changes`);
    await queryRunner.query(`DROP TABLE priority_rankings`);
    await queryRunner.query(`DELETE FROM standard_versions WHERE standard_id IN (SELECT id FROM standards WHERE kind = 'priority-policy')`);
    await queryRunner.query(`DELETE FROM standards WHERE kind = 'priority-policy'`);
    await queryRunner.query(`ALTER TABLE standards DROP CONSTRAINT standards_kind_check`);
    await queryRunner.query(`ALTER TABLE standards ADD CONSTRAINT standards_kind_check CHECK (kind IN ('methodology', 'standard', 'report-format', 'tool'))`);
  }
}
