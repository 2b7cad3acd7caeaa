import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFeedbackItems1764000000720 implements MigrationInterface {
  name = 'CreateFeedbackItems1764000000720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feedback_items (
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
        revision_version_id uuid,
        revision_version text,
        variance_id uuid,
        triaged_by_subject text,
        triaged_at timestamptz,
        closed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX feedback_items_revision ON feedback_items (revision_version_id) WHERE state = 'accepted'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE feedback_items`);
  }
}
