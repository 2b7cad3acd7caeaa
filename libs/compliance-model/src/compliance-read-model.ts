import type { DataSource } from 'typeorm';
import { checkComplianceModel, type ComplianceCheck } from './compliance-check';
import { ComplianceModelKeeper, type ModelClock } from './compliance-model-keeper';
import type { ComplianceModelConfig } from './compliance-model-config';
import { ComplianceViews } from './compliance-views';

/** A service's compliance read model: kept in every transaction and on the clock, read by its screens, checked. */
export class ComplianceReadModel {
  readonly keeper: ComplianceModelKeeper;
  readonly views: ComplianceViews;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ComplianceModelConfig,
    private readonly clock: ModelClock,
  ) {
    this.keeper = new ComplianceModelKeeper(dataSource, config, clock);
    this.views = new ComplianceViews(dataSource, config, this.keeper, () => clock.now());
  }

  /** Rebuilds the model from history and compares it with the stored intervals (see `checkComplianceModel`). */
  async check(): Promise<ComplianceCheck> {
    await this.keeper.current();
    return checkComplianceModel(this.dataSource.manager, this.config, this.clock.now());
  }
}
