import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One notice per project and version whose adoption deadline passed without a decision. */
export class CreateOverdueNotices1764000000250 implements MigrationInterface {
  name = 'CreateOverdueNotices1764000000250';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE overdue_notices (
        project_id uuid NOT NULL,
        version_id uuid NOT NULL,
        program_id uuid NOT NULL,
        standard_key text NOT NULL,
        version text NOT NULL,
        adoption_deadline date NOT NULL,
        noticed_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, version_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE overdue_notices`);
  }
}
