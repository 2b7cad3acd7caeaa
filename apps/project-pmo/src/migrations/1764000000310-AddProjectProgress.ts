import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjectProgress1764000000310 implements MigrationInterface {
  name = 'AddProjectProgress1764000000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN percent_complete numeric(5,2) NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN percent_complete`);
  }
}
