import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Programs and projects get a short code; Keycloak groups `program-<code>`/`project-<code>` scope managers. */
export class AddProgramCodes1764000000299 implements MigrationInterface {
  name = 'AddProgramCodes1764000000299';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE programs ADD COLUMN code text`);
    await queryRunner.query(`UPDATE programs SET code = id::text`);
    await queryRunner.query(`ALTER TABLE programs ALTER COLUMN code SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX programs_code ON programs (code)`);
    await queryRunner.query(`ALTER TABLE program_projects ADD COLUMN code text`);
    await queryRunner.query(`UPDATE program_projects SET code = project_id::text`);
    await queryRunner.query(`ALTER TABLE program_projects ALTER COLUMN code SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE program_projects DROP COLUMN code`);
    await queryRunner.query(`ALTER TABLE programs DROP COLUMN code`);
  }
}
