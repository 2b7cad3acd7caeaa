import { bumpVersionOnProjectLabels, dropProjectLabelsBump } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { portfolioComplianceConfig } from '../compliance/portfolio-compliance-config';

/** A project's code or name changed bumps the views version: the first pages kept under it show them. */
export class KeepPortfolioFirstPagesByLabels1764000005600 implements MigrationInterface {
  name = 'KeepPortfolioFirstPagesByLabels1764000005600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await bumpVersionOnProjectLabels(queryRunner, 'portfolio', portfolioComplianceConfig.projects);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProjectLabelsBump(queryRunner, portfolioComplianceConfig.projects);
  }
}
