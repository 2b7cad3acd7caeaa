import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Variances a project PMO proposes to its program, and what became of them. */
export class CreateVarianceProposals1764000000350 implements MigrationInterface {
  name = 'CreateVarianceProposals1764000000350';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE variance_proposals (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id),
        program_id uuid NOT NULL,
        proposed_by_subject text NOT NULL,
        proposed_by_name text NOT NULL,
        standard_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version text NOT NULL,
        requirement_ids text[] NOT NULL,
        justification text NOT NULL,
        likelihood int NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact int NOT NULL CHECK (impact BETWEEN 1 AND 5),
        compensating_controls text[] NOT NULL,
        expires_on date NOT NULL,
        proposed_at timestamptz NOT NULL,
        state text NOT NULL,
        answer_reason text,
        answered_at timestamptz,
        variance_id uuid,
        variance_state text,
        idempotency_key text,
        UNIQUE (project_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX variance_proposals_variance ON variance_proposals (variance_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE variance_proposals`);
  }
}
