import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjectClosing1764000000240 implements MigrationInterface {
  name = 'AddProjectClosing1764000000240';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE program_projects ADD COLUMN closed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE program_projects DROP COLUMN closed_at`);
  }
}
