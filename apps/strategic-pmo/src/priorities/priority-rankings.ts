import { Injectable } from '@nestjs/common';
import type { PriorityScope } from '@pmo/contracts';
import { In, IsNull, type EntityManager } from 'typeorm';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { PriorityChangeEntity } from './priority-change.entity';
import { PriorityRankingEntity } from './priority-ranking.entity';
import { orderOf, scopeKeyOf, type RankMember } from './ranking';

/** The stored rankings: their order now (locked for a change) or as of a moment, from the change history. */
@Injectable()
export class PriorityRankings {
  /** The order now, for a change: the ranking's row is locked until the transaction ends, so changes queue. */
  async lockedOrder(manager: EntityManager, scope: PriorityScope, programId: string): Promise<string[]> {
    const scopeKey = scopeKeyOf(scope, programId);
    await manager.query(`INSERT INTO priority_rankings (scope_key, ordering, updated_at) VALUES ($1, '{}', now()) ON CONFLICT (scope_key) DO NOTHING`, [
      scopeKey,
    ]);
    const row = await manager.findOneOrFail(PriorityRankingEntity, { where: { scopeKey }, lock: { mode: 'pessimistic_write' } });
    return orderOf(row.ordering, await this.openMembers(manager, scope, programId));
  }

  async save(manager: EntityManager, scope: PriorityScope, programId: string, ordering: string[], at: Date): Promise<void> {
    await manager.update(PriorityRankingEntity, { scopeKey: scopeKeyOf(scope, programId) }, { ordering, updatedAt: at });
  }

  /** The order now, or at the end of `asOf`: the last order stored before it, less the projects closed by then, plus those registered by then. */
  async orderAt(manager: EntityManager, scope: PriorityScope, programId: string, asOf: Date | null): Promise<string[]> {
    const scopeKey = scopeKeyOf(scope, programId);
    if (!asOf) {
      const row = await manager.findOneBy(PriorityRankingEntity, { scopeKey });
      return orderOf(row?.ordering ?? [], await this.openMembers(manager, scope, programId));
    }
    const [last] = (await manager.query(
      `SELECT ordering FROM priority_changes WHERE scope_key = $1 AND changed_at <= $2 ORDER BY changed_at DESC, seq DESC LIMIT 1`,
      [scopeKey, asOf],
    )) as { ordering: string[] }[];
    return orderOf(last?.ordering ?? [], await this.membersAt(manager, scope, programId, asOf));
  }

  /** Each project's latest change up to a moment (its current criteria scores), by project. */
  async latestChanges(manager: EntityManager, projectIds: string[], asOf: Date | null): Promise<Map<string, PriorityChangeEntity>> {
    if (projectIds.length === 0) return new Map();
    const latest = (await manager.query(
      `SELECT DISTINCT ON (project_id) id FROM priority_changes
        WHERE project_id = ANY($1) AND ($2::timestamptz IS NULL OR changed_at <= $2)
        ORDER BY project_id, changed_at DESC, seq DESC`,
      [projectIds, asOf],
    )) as { id: string }[];
    const changes = await manager.findBy(PriorityChangeEntity, { id: In(latest.map((row) => row.id)) });
    return new Map(changes.map((change) => [change.projectId, change]));
  }

  private async openMembers(manager: EntityManager, scope: PriorityScope, programId: string): Promise<RankMember[]> {
    return manager.find(PortfolioProjectEntity, {
      where: { closedAt: IsNull(), ...(scope === 'program' ? { programId } : {}) },
      select: { projectId: true, registeredAt: true },
    });
  }

  private async membersAt(manager: EntityManager, scope: PriorityScope, programId: string, at: Date): Promise<RankMember[]> {
    const rows = (await manager.query(
      `SELECT project_id AS "projectId", registered_at AS "registeredAt" FROM portfolio_projects
        WHERE registered_at <= $1 AND (closed_at IS NULL OR closed_at > $1) AND ($2::uuid IS NULL OR program_id = $2)`,
      [at, scope === 'program' ? programId : null],
    )) as RankMember[];
    return rows;
  }
}
