import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations made with an Idempotency-Key, so that a retry gets the project the first call registered instead of
 * a second project (or 409 for the code it took itself). Keyed per caller. The project is checked at commit: the
 * call's row is written first, so that a second call with the key fails on the key.
 */
export class KeepProjectRegistrationCalls1764000005630 implements MigrationInterface {
  name = 'KeepProjectRegistrationCalls1764000005630';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_registration_calls (
        caller text NOT NULL,
        idempotency_key text NOT NULL,
        request_fingerprint text NOT NULL,
        project_id uuid NOT NULL REFERENCES projects (id) DEFERRABLE INITIALLY DEFERRED,
        called_at timestamptz NOT NULL,
        PRIMARY KEY (caller, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_registration_calls`);
  }
}
