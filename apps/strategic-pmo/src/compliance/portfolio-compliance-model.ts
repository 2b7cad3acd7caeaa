import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ComplianceModelKeeper, ComplianceViews, checkComplianceModel, type ComplianceCheck } from '@pmo/compliance-model';
import { Clock } from '@pmo/http';
import { DataSource } from 'typeorm';
import { portfolioComplianceConfig } from './portfolio-compliance-config';

/** The portfolio's compliance read model, kept in every transaction and on the clock, and its screens' answers. */
@Injectable()
export class PortfolioComplianceModel implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly keeper: ComplianceModelKeeper;
  readonly views: ComplianceViews;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.keeper = new ComplianceModelKeeper(dataSource, portfolioComplianceConfig, clock);
    this.views = new ComplianceViews(dataSource, portfolioComplianceConfig, this.keeper, () => clock.now());
  }

  onApplicationBootstrap(): void {
    this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper.stop();
  }

  /** Rebuilds the model from history and compares it with the stored intervals (see `checkComplianceModel`). */
  async check(): Promise<ComplianceCheck> {
    await this.keeper.current();
    return checkComplianceModel(this.dataSource.manager, portfolioComplianceConfig, this.clock.now());
  }
}
