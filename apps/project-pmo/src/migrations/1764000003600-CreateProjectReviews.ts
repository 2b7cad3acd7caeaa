import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The post-implementation review of a closed project and its lessons learned. */
export class CreateProjectReviews1764000003600 implements MigrationInterface {
  name = 'CreateProjectReviews1764000003600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_reviews (
        project_id uuid PRIMARY KEY REFERENCES projects (id),
        outcome text NOT NULL,
        delivered text NOT NULL,
        objective text,
        reviewed_by_subject text NOT NULL,
        reviewed_by_name text NOT NULL,
        reviewed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE project_lessons (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project_reviews (project_id),
        position integer NOT NULL,
        category text NOT NULL,
        what_happened text NOT NULL,
        recommendation text NOT NULL,
        standard_id uuid,
        version_id uuid,
        version text,
        about text[] NOT NULL,
        feedback_id uuid UNIQUE,
        sent_at timestamptz,
        sent_by_name text,
        UNIQUE (project_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_lessons`);
    await queryRunner.query(`DROP TABLE project_reviews`);
  }
}
