import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewals of approved variances, kept in the case beside its first decision (each with its own review and
 * decision), and each standard's grandfathering threshold (90 until the strategic PMO sets another).
 */
export class AddRenewalsAndGrandfathering1764000001310 implements MigrationInterface {
  name = 'AddRenewalsAndGrandfathering1764000001310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_cases ADD COLUMN renewals jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
      ALTER TABLE standards
        ADD COLUMN grandfathering_threshold_percent int NOT NULL DEFAULT 90 CHECK (grandfathering_threshold_percent BETWEEN 0 AND 100)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE standards DROP COLUMN grandfathering_threshold_percent`);
    await queryRunner.query(`ALTER TABLE variance_cases DROP COLUMN renewals`);
  }
}
