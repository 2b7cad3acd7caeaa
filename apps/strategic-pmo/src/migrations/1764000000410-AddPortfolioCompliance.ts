import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the portfolio compliance view needs from events: when projects joined, and the adoption decisions. */
export class AddPortfolioCompliance1764000000410 implements MigrationInterface {
  name = 'AddPortfolioCompliance1764000000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_projects ADD COLUMN registered_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      CREATE TABLE portfolio_adoption_decisions (
        decision_id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        project_id uuid NOT NULL,
        version_id uuid NOT NULL,
        decision text NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE portfolio_adoption_decisions`);
    await queryRunner.query(`ALTER TABLE portfolio_projects DROP COLUMN registered_at`);
  }
}
