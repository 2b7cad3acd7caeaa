import { Injectable } from '@nestjs/common';
import {
  complianceRows,
  labelComplianceRows,
  rollUp,
  rollUpBy,
  type ComplianceRollup,
  type ComplianceRowFacts,
  type LabelledComplianceRow,
  type VarianceFacts,
  type DecisionFacts,
  type VersionFacts,
  type PortfolioComplianceQuery,
} from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { DataSource, In, type EntityManager } from 'typeorm';
import { VarianceCasesService } from '../variances/variance-cases.service';
import { loadVersionFacts } from './version-facts';
import { PortfolioAdoptionDecisionEntity } from './portfolio-adoption-decision.entity';
import { PortfolioProgramEntity } from './portfolio-program.entity';
import { PortfolioProjectEntity } from './portfolio-project.entity';
import { PortfolioStatusReportEntity } from './portfolio-status-report.entity';

/** Facts changed before the rows are computed (see `rowsAt`). */
export interface WhatIf {
  variances?: (variances: VarianceFacts[]) => VarianceFacts[];
  versions?: (versions: VersionFacts[]) => VersionFacts[];
  decisions?: (decisions: DecisionFacts[]) => DecisionFacts[];
  inScope?: (program: PortfolioProgramEntity) => boolean;
}

export interface PortfolioCompliance {
  asOf: string;
  summary: ComplianceRollup;
  byProgram: Record<string, ComplianceRollup>;
  byStandard: Record<string, ComplianceRollup>;
  rows: LabelledComplianceRow[];
}

/**
 * The portfolio's compliance: the strategic PMO's own standards and waves, with programs, projects and
 * decisions known only from events. The same rules as each program's view, so the portfolio is their sum.
 */
@Injectable()
export class PortfolioComplianceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly variances: VarianceCasesService,
  ) {}

  /** `reachable`: the programs the caller may see (`null`: all). */
  async complianceOf(query: PortfolioComplianceQuery, reachable: Set<string> | null = null): Promise<PortfolioCompliance> {
    const asOf = query.asOf ? new Date(query.asOf) : this.clock.now();
    const rows = (
      await this.rowsAt(asOf, {
        inScope: (p) =>
          (!reachable || reachable.has(p.programId)) && (!query.program || p.programId === query.program) && (!query.tag || p.tags.includes(query.tag)),
      })
    ).filter((r) => (!query.standard || r.standardKey === query.standard) && (!query.state || r.state === query.state));
    return {
      asOf: asOf.toISOString(),
      summary: rollUp(rows),
      byProgram: Object.fromEntries(rollUpBy(rows, 'programId')),
      byStandard: Object.fromEntries(rollUpBy(rows, 'standardKey')),
      rows: await this.labelled(rows),
    };
  }

  /** The rows with the names and codes of their programs and projects, as the portfolio knows them from events. */
  private async labelled(rows: ComplianceRowFacts[]): Promise<LabelledComplianceRow[]> {
    if (rows.length === 0) return [];
    const manager = this.dataSource.manager;
    const [programs, projects] = await Promise.all([
      manager.find(PortfolioProgramEntity, {
        where: { programId: In([...new Set(rows.map((r) => r.programId))]) },
        select: { programId: true, code: true, name: true },
      }),
      manager.find(PortfolioProjectEntity, {
        where: { projectId: In([...new Set(rows.map((r) => r.projectId))]) },
        select: { projectId: true, code: true, name: true },
      }),
    ]);
    return labelComplianceRows(rows, new Map(programs.map((p) => [p.programId, p])), new Map(projects.map((p) => [p.projectId, p])));
  }

  /**
   * Every row of the portfolio at `asOf`, from the programs `inScope` keeps. `assuming` may change the facts first:
   * impact analysis asks what the rows would be with one more approval, a publication preview with one more version.
   */
  async rowsAt(asOf: Date, assuming: WhatIf = {}): Promise<ComplianceRowFacts[]> {
    const { variances: withVariances = (v) => v, versions: withVersions = (v) => v, decisions: withDecisions = (d) => d, inScope = () => true } = assuming;
    const manager = this.dataSource.manager;
    const [programs, projects, decisions, reports, versions, variances] = await Promise.all([
      manager.find(PortfolioProgramEntity),
      manager.find(PortfolioProjectEntity),
      manager.find(PortfolioAdoptionDecisionEntity),
      manager.find(PortfolioStatusReportEntity),
      this.versionFacts(),
      this.variances.varianceFacts(),
    ]);
    return complianceRows(programs.filter(inScope), projects, withVersions(versions), withDecisions(decisions), asOf, reports, withVariances(variances));
  }

  /** Every published version as the compliance rules take it, read through `manager` (a transaction's, or the pool's). */
  versionFacts(manager: EntityManager = this.dataSource.manager): Promise<VersionFacts[]> {
    return loadVersionFacts(manager);
  }
}
