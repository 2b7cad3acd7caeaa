import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a keyed request asked for, so that the same Idempotency-Key with another request is refused (422). */
export class KeepRequestFingerprints1764000005590 implements MigrationInterface {
  name = 'KeepRequestFingerprints1764000005590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_requests ADD COLUMN request_fingerprint text`);
    await queryRunner.query(`ALTER TABLE program_feedback ADD COLUMN request_fingerprint text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE program_feedback DROP COLUMN request_fingerprint`);
    await queryRunner.query(`ALTER TABLE variance_requests DROP COLUMN request_fingerprint`);
  }
}
