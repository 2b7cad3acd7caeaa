import { Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { ComplianceReadModel } from '@pmo/compliance-model';
import { Clock } from '@pmo/http';
import { DataSource } from 'typeorm';
import { programComplianceConfig } from './program-compliance-config';

/** Each program's compliance read model, kept from the moment the service is up. */
@Injectable()
export class ProgramComplianceModel extends ComplianceReadModel implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(dataSource: DataSource, clock: Clock) {
    super(dataSource, programComplianceConfig, clock);
  }

  onApplicationBootstrap(): void {
    this.keeper.start();
  }

  // Before the connections close (TypeORM closes its pool in onApplicationShutdown).
  beforeApplicationShutdown(): Promise<void> {
    return this.keeper.stop();
  }
}
