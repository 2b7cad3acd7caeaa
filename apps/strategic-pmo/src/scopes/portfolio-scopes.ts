import { Injectable } from '@nestjs/common';
import { AccessScope, type Principal, type ScopedResource, type ScopeResolver } from '@pmo/auth';
import { DataSource } from 'typeorm';
import { FeedbackItemEntity } from '../feedback/feedback-item.entity';
import { VarianceCaseEntity } from '../variances/variance-case.entity';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';

/**
 * Which program a strategic-pmo resource belongs to. Its cross-program views are for the strategic PMO,
 * auditors, and program managers (their own programs only); project managers are not given them.
 */
@Injectable()
export class PortfolioScopes implements ScopeResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(kind: string, id: string): Promise<ScopedResource | null> {
    const programId = await this.programOf(kind, id);
    if (!programId) return null;
    const program = await this.dataSource.manager.findOneBy(PortfolioProgramEntity, { programId });
    return { programCode: program?.code ?? programId };
  }

  /** The ids of the programs the caller reaches; `null` when he reaches all of them. */
  async reachableProgramIds(principal: Principal): Promise<Set<string> | null> {
    const scope = AccessScope.of(principal);
    if (scope.organisationWide) return null;
    const programs = await this.dataSource.manager.find(PortfolioProgramEntity, { select: { programId: true, code: true } });
    return new Set(programs.filter((p) => scope.reaches({ programCode: p.code })).map((p) => p.programId));
  }

  /** Keeps the items of reachable programs. */
  async onlyReachable<T extends { programId: string }>(principal: Principal, items: T[]): Promise<T[]> {
    const reachable = await this.reachableProgramIds(principal);
    return reachable ? items.filter((item) => reachable.has(item.programId)) : items;
  }

  private async programOf(kind: string, id: string): Promise<string | null> {
    const manager = this.dataSource.manager;
    if (kind === 'program') return id;
    if (kind === 'variance') return (await manager.findOne(VarianceCaseEntity, { where: { id }, select: { id: true, programId: true } }))?.programId ?? null;
    if (kind === 'feedback') return (await manager.findOne(FeedbackItemEntity, { where: { id }, select: { id: true, programId: true } }))?.programId ?? null;
    throw new Error(`strategic-pmo has no scoped resource of kind ${kind}`);
  }
}
