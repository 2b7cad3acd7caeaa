import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The program's view of a project keeps its progress, which decides whether it may be grandfathered. */
export class AddProjectProgress1764000000210 implements MigrationInterface {
  name = 'AddProjectProgress1764000000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE program_projects ADD COLUMN percent_complete numeric(5,2) NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE program_projects DROP COLUMN percent_complete`);
  }
}
