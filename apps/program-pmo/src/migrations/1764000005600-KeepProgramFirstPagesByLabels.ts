import { bumpVersionOnProjectLabels, dropProjectLabelsBump } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { programComplianceConfig } from '../compliance/program-compliance-config';

/** A project's code or name changed bumps the views version: the first pages kept under it show them. */
export class KeepProgramFirstPagesByLabels1764000005600 implements MigrationInterface {
  name = 'KeepProgramFirstPagesByLabels1764000005600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await bumpVersionOnProjectLabels(queryRunner, 'program', programComplianceConfig.projects);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProjectLabelsBump(queryRunner, programComplianceConfig.projects);
  }
}
