import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the domain clock's time beside the database's: `domain_at` is what the service's `Clock` said when
 * the entry was written (the clock tests and demos move), `at` stays the database's own time. A gap between
 * them shows an entry written while time was moved.
 *
 * - Entries written before this migration keep `domain_at` NULL and their `pmo-audit-v1` hashes.
 * - An entry with a domain time is hashed over the `pmo-audit-v2` text: the v1 fields with `domain_at` after
 *   `at` (`audit_log_canonical_v2`, equal to `auditCanonicalText` in audit-chain.ts). The sealer and the
 *   verifier hash in Node; the SQL function is the reference the tests hold it to.
 * - The insert trigger leaves `domain_at` as the application gives it, and the seal-only UPDATE trigger of
 *   1764000000120 already compares every column but the seal's, so `domain_at` cannot change afterwards.
 */
const CANONICAL_V2_FIELDS = [
  'seq::text',
  `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  `to_char(domain_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  'actor_subject',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'before::text',
  'after::text',
  'reason',
  'request_id',
  'trace_id',
  'prev_hash',
];

export class AuditDomainTime1764000001100 implements MigrationInterface {
  name = 'AuditDomainTime1764000001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN domain_at timestamptz`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_canonical_v2(
        seq bigint, at timestamptz, domain_at timestamptz, actor_subject text, actor_name text, action text, entity_type text,
        entity_id text, before jsonb, after jsonb, reason text, request_id text, trace_id text, prev_hash text
      ) RETURNS text LANGUAGE sql STABLE AS $fn$
        SELECT 'pmo-audit-v2' || ${CANONICAL_V2_FIELDS.map((field) => `'|' || CASE WHEN ${field} IS NULL THEN '~' ELSE octet_length(${field})::text || ':' || ${field} END`).join(' || ')}
      $fn$`);
  }

  // Dropping a domain time that an entry's hash covers would break the chain at that entry: refused then.
  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ hashed }] = (await queryRunner.query(`SELECT count(*)::int AS hashed FROM audit_log WHERE domain_at IS NOT NULL`)) as [{ hashed: number }];
    if (hashed > 0) throw new Error(`${hashed} audit entries have a domain time their hash covers; dropping domain_at would break the chain`);
    await queryRunner.query(`DROP FUNCTION audit_log_canonical_v2`);
    await queryRunner.query(`ALTER TABLE audit_log DROP COLUMN domain_at`);
  }
}
