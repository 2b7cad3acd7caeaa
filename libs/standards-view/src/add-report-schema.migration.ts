import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Report formats carry their JSON Schema, so status reports can be checked where they are submitted. */
export class AddReportSchema1764000000610 implements MigrationInterface {
  name = 'AddReportSchema1764000000610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE standard_versions_view ADD COLUMN report_schema jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE standard_versions_view DROP COLUMN report_schema`);
  }
}
