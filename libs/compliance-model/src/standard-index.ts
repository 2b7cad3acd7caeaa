import type { QueryRunner } from 'typeorm';
import { tablesOf } from './compliance-model-config';

/**
 * An index of the intervals by project and standard: a refresh of marks that name standards deletes only those
 * standards' rows of its projects. Through the project index alone it read every row of the chunk's projects (500
 * projects × 50 standards: 25,000 rows) to keep one standard's.
 */
export async function indexIntervalsByStandard(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const t = tablesOf(prefix);
  await queryRunner.query(`CREATE INDEX ${t.intervals}_standard ON ${t.intervals} (project_id, standard_id)`);
}

export async function dropIntervalsByStandard(queryRunner: QueryRunner, prefix: string): Promise<void> {
  await queryRunner.query(`DROP INDEX ${tablesOf(prefix).intervals}_standard`);
}
