import { Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { ComplianceReadModel } from '@pmo/compliance-model';
import { Clock } from '@pmo/http';
import { DataSource } from 'typeorm';
import { portfolioComplianceConfig } from './portfolio-compliance-config';

/** The portfolio's compliance read model, kept from the moment the service is up. */
@Injectable()
export class PortfolioComplianceModel extends ComplianceReadModel implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(dataSource: DataSource, clock: Clock) {
    super(dataSource, portfolioComplianceConfig, clock);
  }

  onApplicationBootstrap(): void {
    this.keeper.start();
  }

  // Before the connections close (TypeORM closes its pool in onApplicationShutdown).
  beforeApplicationShutdown(): Promise<void> {
    return this.keeper.stop();
  }
}
