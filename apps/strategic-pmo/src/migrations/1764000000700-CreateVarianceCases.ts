import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Variance requests under the strategic PMO's review, with their decisions. */
export class CreateVarianceCases1764000000700 implements MigrationInterface {
  name = 'CreateVarianceCases1764000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE variance_cases (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        requested_by_subject text NOT NULL,
        requested_by_name text NOT NULL,
        standard_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version text NOT NULL,
        requirement_ids text[] NOT NULL,
        project_ids uuid[] NOT NULL,
        justification text NOT NULL,
        likelihood int NOT NULL,
        impact int NOT NULL,
        compensating_controls text[] NOT NULL,
        expires_on date NOT NULL,
        state text NOT NULL,
        submitted_at timestamptz NOT NULL,
        decision_due_on date NOT NULL,
        reviewer_subject text,
        decided_by_subject text,
        decided_by_name text,
        decided_at timestamptz,
        decision_reason text,
        conditions jsonb NOT NULL DEFAULT '[]'
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE variance_cases`);
  }
}
