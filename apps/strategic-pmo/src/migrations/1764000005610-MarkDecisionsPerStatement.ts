import { markDecisionsPerRow, markDecisionsPerStatement } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PORTFOLIO_STANDARD_FACT_TRIGGERS } from './1764000005000-MarkComplianceByStandard';

const decisions = { table: 'portfolio_adoption_decisions', versions: { table: 'standard_versions', id: 'id', standardId: 'standard_id' } };

/** A batch of `adoption.decided` marks its projects in one statement, not one trigger call per project (`markDecisionsPerStatement`). */
export class MarkPortfolioDecisionsPerStatement1764000005610 implements MigrationInterface {
  name = 'MarkPortfolioDecisionsPerStatement1764000005610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await markDecisionsPerStatement(queryRunner, 'portfolio', decisions);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [perRow] = PORTFOLIO_STANDARD_FACT_TRIGGERS.filter((t) => t.table === decisions.table);
    await markDecisionsPerRow(queryRunner, perRow);
  }
}
