import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a keyed proposal asked for, so that the same Idempotency-Key with another proposal is refused (422). */
export class KeepProposalFingerprints1764000005590 implements MigrationInterface {
  name = 'KeepProposalFingerprints1764000005590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_proposals ADD COLUMN request_fingerprint text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_proposals DROP COLUMN request_fingerprint`);
  }
}
