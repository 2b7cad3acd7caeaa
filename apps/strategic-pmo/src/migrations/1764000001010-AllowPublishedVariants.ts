import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Variants of a standard (organisation-wide, and for programs tagged `regulated`) may be published side by side:
 * the one-published-version index goes. Publication locks the standard's row instead, so two versions with the
 * same applicability cannot both be published at once.
 */
export class AllowPublishedVariants1764000001010 implements MigrationInterface {
  name = 'AllowPublishedVariants1764000001010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX standard_versions_one_published`);
    await queryRunner.query(`CREATE INDEX standard_versions_published ON standard_versions (standard_id) WHERE state = 'published'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX standard_versions_published`);
    await queryRunner.query(`CREATE UNIQUE INDEX standard_versions_one_published ON standard_versions (standard_id) WHERE state = 'published'`);
  }
}
