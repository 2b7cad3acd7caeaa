import type { MigrationInterface, QueryRunner } from 'typeorm';

const RATING = `text CHECK (%s IN ('green', 'amber', 'red'))`;

/** The health ratings a status report carried (its format's `x-pmo-health` properties), which the metrics read. */
export class AddStatusReportHealth1764000004300 implements MigrationInterface {
  name = 'AddStatusReportHealth1764000004300';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['schedule_health', 'budget_health', 'overall_health'])
      await queryRunner.query(`ALTER TABLE portfolio_status_reports ADD COLUMN ${column} ${RATING.replace('%s', column)}`);
    // The metrics read a window of weeks across every project: by time first.
    await queryRunner.query(`CREATE INDEX portfolio_status_reports_submitted ON portfolio_status_reports (submitted_at, project_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX portfolio_status_reports_submitted`);
    await queryRunner.query(`ALTER TABLE portfolio_status_reports DROP COLUMN schedule_health, DROP COLUMN budget_health, DROP COLUMN overall_health`);
  }
}
