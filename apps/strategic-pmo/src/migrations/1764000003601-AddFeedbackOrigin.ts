import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Feedback that began as a closed project's lesson keeps the project and lesson it came from. */
export class AddFeedbackOrigin1764000003601 implements MigrationInterface {
  name = 'AddFeedbackOrigin1764000003601';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feedback_items ADD COLUMN origin_project_id uuid, ADD COLUMN origin_lesson_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feedback_items DROP COLUMN origin_lesson_id, DROP COLUMN origin_project_id`);
  }
}
