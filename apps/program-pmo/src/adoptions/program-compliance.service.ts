import { Injectable } from '@nestjs/common';
import {
  complianceRows,
  labelComplianceRows,
  rollUp,
  rollUpBy,
  type ComplianceRollup,
  type LabelledComplianceRow,
  type ProgramComplianceQuery,
} from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { StandardsViewService } from '@pmo/standards-view';
import { VariancesService } from '../variances/variances.service';
import { DataSource } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import { AdoptionDecisionEntity } from './adoption-decision.entity';
import { ProgramStatusReportEntity } from './program-status-report.entity';

export interface ProgramCompliance {
  asOf: string;
  summary: ComplianceRollup;
  byStandard: Record<string, ComplianceRollup>;
  rows: LabelledComplianceRow[];
}

/** A program's compliance, now or as of a past date, from its decisions and the standards it follows. */
@Injectable()
export class ProgramComplianceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standards: StandardsViewService,
    private readonly variances: VariancesService,
    private readonly clock: Clock,
  ) {}

  async complianceOf(programId: string, query: ProgramComplianceQuery): Promise<ProgramCompliance> {
    const manager = this.dataSource.manager;
    const program = await manager.findOneBy(ProgramEntity, { id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    const asOf = query.asOf ? new Date(query.asOf) : this.clock.now();
    const [projects, decisions, reports, versions, variances] = await Promise.all([
      manager.findBy(ProgramProjectEntity, { programId }),
      manager.findBy(AdoptionDecisionEntity, { programId }),
      manager.findBy(ProgramStatusReportEntity, { programId }),
      this.standards.versionFacts(),
      this.variances.varianceFacts(programId),
    ]);
    const all = complianceRows(
      [{ programId, tags: program.tags }],
      projects.map((p) => ({ projectId: p.projectId, programId, registeredAt: p.registeredAt, closedAt: p.closedAt })),
      versions,
      decisions,
      asOf,
      reports,
      variances,
    );
    const rows = all.filter((r) => (!query.standard || r.standardKey === query.standard) && (!query.state || r.state === query.state));
    return {
      asOf: asOf.toISOString(),
      summary: rollUp(rows),
      byStandard: Object.fromEntries(rollUpBy(rows, 'standardKey')),
      rows: labelComplianceRows(rows, new Map([[programId, program]]), new Map(projects.map((p) => [p.projectId, p]))),
    };
  }
}
