import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ComplianceReadModel } from '@pmo/compliance-model';
import { Clock } from '@pmo/http';
import { DataSource } from 'typeorm';
import { portfolioComplianceConfig } from './portfolio-compliance-config';

/** The portfolio's compliance read model, kept from the moment the service is up. */
@Injectable()
export class PortfolioComplianceModel extends ComplianceReadModel implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(dataSource: DataSource, clock: Clock) {
    super(dataSource, portfolioComplianceConfig, clock);
  }

  onApplicationBootstrap(): void {
    this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper.stop();
  }
}
