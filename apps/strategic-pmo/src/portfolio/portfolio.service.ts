import { Injectable } from '@nestjs/common';
import type { AdoptionDecidedV1, ProgramRegisteredV1, ProjectClosedV1, ProjectRegisteredV1, ProjectUpdatedV1, StatusReportSubmittedV1 } from '@pmo/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { PortfolioProgramResponse } from './dto/portfolio-program.response';
import { PortfolioAdoptionDecisionEntity } from './portfolio-adoption-decision.entity';
import { PortfolioProgramEntity } from './portfolio-program.entity';
import { PortfolioProjectEntity } from './portfolio-project.entity';
import { PortfolioStatusReportEntity } from './portfolio-status-report.entity';
import { VarianceGroundService } from '../variances/variance-ground.service';

@Injectable()
export class PortfolioService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly varianceGround: VarianceGroundService,
  ) {}

  /** One statement for the batch; the last event of a program wins, as if they were applied one by one. */
  async recordProgramsRegistered(manager: EntityManager, events: readonly ProgramRegisteredV1[]): Promise<void> {
    const latest = new Map(events.map((event) => [event.programId, event]));
    await manager.upsert(
      PortfolioProgramEntity,
      [...latest.values()].map((event) => ({
        programId: event.programId,
        code: event.code ?? event.programId,
        name: event.name,
        tags: event.tags,
        registeredAt: new Date(event.registeredAt),
      })),
      ['programId'],
    );
  }

  async recordProjectRegistered(manager: EntityManager, event: ProjectRegisteredV1): Promise<void> {
    await manager.upsert(
      PortfolioProjectEntity,
      {
        projectId: event.projectId,
        programId: event.programId,
        code: event.code ?? event.projectId,
        name: event.name,
        phase: event.phase,
        // Early events carry no progress: the column's default (0) stands.
        ...(event.percentComplete !== undefined && { percentComplete: event.percentComplete }),
        tags: event.tags,
        registeredAt: new Date(event.registeredAt),
      },
      ['projectId'],
    );
  }

  /** Keeps phase, progress and tags, which approved variances were decided on; a material change flags them. */
  async recordProjectUpdated(manager: EntityManager, event: ProjectUpdatedV1): Promise<void> {
    await manager.update(
      PortfolioProjectEntity,
      { projectId: event.projectId },
      { name: event.name, phase: event.phase, percentComplete: event.percentComplete, tags: event.tags },
    );
    await this.varianceGround.reviewGround(manager, { projectId: event.projectId });
  }

  async recordProjectClosed(manager: EntityManager, event: ProjectClosedV1): Promise<void> {
    await manager.update(PortfolioProjectEntity, { projectId: event.projectId }, { closedAt: new Date(event.closedAt) });
    await this.varianceGround.reviewGround(manager, { projectId: event.projectId });
  }

  async recordAdoptionsDecided(manager: EntityManager, events: readonly AdoptionDecidedV1[]): Promise<void> {
    // One row per decision, the last event of it winning: one statement cannot upsert a row twice.
    const latest = new Map(events.map((event) => [event.decisionId, event]));
    await manager.upsert(
      PortfolioAdoptionDecisionEntity,
      [...latest.values()].map((event) => ({
        decisionId: event.decisionId,
        programId: event.programId,
        projectId: event.projectId,
        versionId: event.versionId,
        decision: event.decision,
        choices: event.choices,
        reopened: event.reopened ?? [],
        decidedAt: new Date(event.decidedAt),
      })),
      ['decisionId'],
    );
  }

  async recordStatusReport(manager: EntityManager, event: StatusReportSubmittedV1): Promise<void> {
    const { schedule = null, budget = null, overall = null } = event.health ?? {};
    await manager.upsert(
      PortfolioStatusReportEntity,
      {
        reportId: event.reportId,
        projectId: event.projectId,
        submittedAt: new Date(event.submittedAt),
        scheduleHealth: schedule,
        budgetHealth: budget,
        overallHealth: overall,
      },
      ['reportId'],
    );
  }

  /** Every program with its project count, from events only. */
  async listPrograms(reachable: Set<string> | null): Promise<PortfolioProgramResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT p.program_id, p.code, p.name, p.tags, count(j.project_id)::int AS project_count
       FROM portfolio_programs p LEFT JOIN portfolio_projects j ON j.program_id = p.program_id
       WHERE $1::uuid[] IS NULL OR p.program_id = ANY($1::uuid[])
       GROUP BY p.program_id ORDER BY p.name`,
      [reachable ? [...reachable] : null],
    )) as { program_id: string; code: string; name: string; tags: string[]; project_count: number }[];
    return rows.map((row) => ({ programId: row.program_id, code: row.code, name: row.name, tags: row.tags, projectCount: row.project_count }));
  }
}
