import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ComplianceReadModel } from '@pmo/compliance-model';
import { Clock } from '@pmo/http';
import { DataSource } from 'typeorm';
import { programComplianceConfig } from './program-compliance-config';

/** Each program's compliance read model, kept from the moment the service is up. */
@Injectable()
export class ProgramComplianceModel extends ComplianceReadModel implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(dataSource: DataSource, clock: Clock) {
    super(dataSource, programComplianceConfig, clock);
  }

  onApplicationBootstrap(): void {
    this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper.stop();
  }
}
