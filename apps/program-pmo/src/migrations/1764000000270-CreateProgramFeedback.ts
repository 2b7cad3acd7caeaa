import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProgramFeedback1764000000270 implements MigrationInterface {
  name = 'CreateProgramFeedback1764000000270';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE program_feedback (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        standard_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version text NOT NULL,
        category text NOT NULL,
        text text NOT NULL,
        about text[] NOT NULL,
        submitted_by_subject text NOT NULL,
        submitted_by_name text NOT NULL,
        submitted_at timestamptz NOT NULL,
        state text NOT NULL,
        triage_reason text,
        revision_version text,
        variance_id uuid,
        idempotency_key text,
        UNIQUE (program_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE program_feedback`);
  }
}
