import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations made with an Idempotency-Key, so that a retry gets the program the first call registered instead of
 * 409 (its name taken by itself). Keyed per caller. The program is checked at commit: the call's row is written
 * before its program, so that a second call with the key fails on the key, not on the program's name.
 */
export class KeepProgramRegistrationCalls1764000005630 implements MigrationInterface {
  name = 'KeepProgramRegistrationCalls1764000005630';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE program_registration_calls (
        caller text NOT NULL,
        idempotency_key text NOT NULL,
        request_fingerprint text NOT NULL,
        program_id uuid NOT NULL REFERENCES programs (id) DEFERRABLE INITIALLY DEFERRED,
        called_at timestamptz NOT NULL,
        PRIMARY KEY (caller, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE program_registration_calls`);
  }
}
