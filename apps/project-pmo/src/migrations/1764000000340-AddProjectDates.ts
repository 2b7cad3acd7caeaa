import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjectDates1764000000340 implements MigrationInterface {
  name = 'AddProjectDates1764000000340';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE projects ADD COLUMN start_date date, ADD COLUMN end_date date, ADD CONSTRAINT projects_dates_in_order CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects DROP CONSTRAINT projects_dates_in_order, DROP COLUMN start_date, DROP COLUMN end_date`);
  }
}
