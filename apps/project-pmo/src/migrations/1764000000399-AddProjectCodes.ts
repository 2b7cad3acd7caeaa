import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects and known programs get their short codes; Keycloak groups `project-<code>`/`program-<code>` scope managers. */
export class AddProjectCodes1764000000399 implements MigrationInterface {
  name = 'AddProjectCodes1764000000399';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN code text`);
    await queryRunner.query(`UPDATE projects SET code = id::text`);
    await queryRunner.query(`ALTER TABLE projects ALTER COLUMN code SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX projects_code ON projects (code)`);
    await queryRunner.query(`ALTER TABLE known_programs ADD COLUMN code text`);
    await queryRunner.query(`UPDATE known_programs SET code = program_id::text`);
    await queryRunner.query(`ALTER TABLE known_programs ALTER COLUMN code SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE known_programs DROP COLUMN code`);
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN code`);
  }
}
