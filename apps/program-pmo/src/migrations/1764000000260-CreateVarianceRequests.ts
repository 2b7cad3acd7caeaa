import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVarianceRequests1764000000260 implements MigrationInterface {
  name = 'CreateVarianceRequests1764000000260';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE variance_requests (
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
        likelihood int NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact int NOT NULL CHECK (impact BETWEEN 1 AND 5),
        compensating_controls text[] NOT NULL,
        expires_on date NOT NULL,
        state text NOT NULL,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        decision_reason text,
        conditions jsonb NOT NULL DEFAULT '[]',
        idempotency_key text,
        UNIQUE (program_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE variance_requests`);
  }
}
