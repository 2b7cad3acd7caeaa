import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk decisions made with an Idempotency-Key, so that a retry gets the first call's decisions instead of new ones. */
export class KeepAdoptionCalls1764000005620 implements MigrationInterface {
  name = 'KeepAdoptionCalls1764000005620';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE adoption_calls (
        program_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        request_fingerprint text NOT NULL,
        decision_ids uuid[] NOT NULL,
        called_at timestamptz NOT NULL,
        PRIMARY KEY (program_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE adoption_calls`);
  }
}
