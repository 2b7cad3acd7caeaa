import { Injectable } from '@nestjs/common';
import { assumingApproved, complianceImpact, type ComplianceImpact } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { DataSource, In, Not } from 'typeorm';
import { PortfolioComplianceService } from '../portfolio/portfolio-compliance.service';
import { VarianceCaseEntity } from './variance-case.entity';
import { VarianceCaseConflictError, VarianceCaseNotFoundError } from './variances.errors';

const ACTIVE = ['submitted', 'under-review', 'approved', 'approved-with-conditions'] as const;

interface OtherVariance {
  id: string;
  programId: string;
  state: string;
  requirementIds: string[];
  projectIds: string[];
  expiresOn: string;
}

export interface VarianceImpact extends ComplianceImpact {
  varianceId: string;
  asOf: string;
  /** Active variances (pending or approved) of the same standard on any of the same requirements. */
  otherActiveVariances: OtherVariance[];
  /** Variances the program already holds on this standard (pending or approved), this one not counted. */
  programVariancesOnStandard: number;
}

/**
 * What deciding a variance would change, before it is decided: the portfolio's rows now and with this
 * variance approved now, from the same compliance function as every compliance view, so the figures after
 * are those the views show once the approval is in (when nothing else changes meanwhile).
 */
@Injectable()
export class VarianceImpactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compliance: PortfolioComplianceService,
    private readonly clock: Clock,
  ) {}

  async impactOf(varianceId: string): Promise<VarianceImpact> {
    const manager = this.dataSource.manager;
    const found = await manager.findOneBy(VarianceCaseEntity, { id: varianceId });
    if (!found) throw new VarianceCaseNotFoundError(varianceId);
    if (found.state !== 'submitted' && found.state !== 'under-review')
      throw new VarianceCaseConflictError(`variance ${varianceId} is ${found.state}; its impact is analysed before the decision`, varianceId);
    const asOf = this.clock.now();
    const [before, after, others] = await Promise.all([
      this.compliance.rowsAt(asOf),
      this.compliance.rowsAt(asOf, { variances: (variances) => assumingApproved(variances, varianceId, asOf) }),
      manager.findBy(VarianceCaseEntity, { standardId: found.standardId, state: In([...ACTIVE]), id: Not(varianceId) }),
    ]);
    return {
      varianceId,
      asOf: asOf.toISOString(),
      ...complianceImpact(before, after, found.programId),
      otherActiveVariances: others
        .filter((o) => o.requirementIds.some((r) => found.requirementIds.includes(r)))
        .map((o) => ({ id: o.id, programId: o.programId, state: o.state, requirementIds: o.requirementIds, projectIds: o.projectIds, expiresOn: o.expiresOn })),
      programVariancesOnStandard: others.filter((o) => o.programId === found.programId).length,
    };
  }
}
