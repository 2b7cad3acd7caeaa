import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjectClosing1764000000330 implements MigrationInterface {
  name = 'AddProjectClosing1764000000330';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN closed_at timestamptz, ADD COLUMN close_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN closed_at, DROP COLUMN close_reason`);
  }
}
