import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewals of approved variances (asked by the program, decided by the strategic PMO), kept beside the
 * request so the first approval and every renewal stay in its history; and each standard's grandfathering
 * threshold as announced by the strategic PMO (absent: 90).
 */
export class AddRenewalsAndGrandfathering1764000001300 implements MigrationInterface {
  name = 'AddRenewalsAndGrandfathering1764000001300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_requests ADD COLUMN renewals jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
      CREATE TABLE grandfathering_policies (
        standard_id uuid PRIMARY KEY,
        threshold_percent int NOT NULL CHECK (threshold_percent BETWEEN 0 AND 100)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE grandfathering_policies`);
    await queryRunner.query(`ALTER TABLE variance_requests DROP COLUMN renewals`);
  }
}
