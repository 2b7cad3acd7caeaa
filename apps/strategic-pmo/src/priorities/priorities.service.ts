import { Injectable } from '@nestjs/common';
import { AccessScope, type Principal } from '@pmo/auth';
import type { PriorityChangeBody, PriorityScope } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { OutsidePolicyError, PriorityChangeRefusedError, PriorityProjectNotFoundError } from './priorities.errors';
import { PriorityChangeEntity } from './priority-change.entity';
import { PriorityPolicies, type PolicyInForce } from './priority-policies';
import { judgeChange, scoreProblems, weightedScore } from './priority-policy';
import { PriorityRankings } from './priority-rankings';
import { moveTo } from './ranking';

/** A project about to change rank, with what its change is judged by. */
export interface RankContext {
  project: PortfolioProjectEntity;
  program: PortfolioProgramEntity | null;
  policy: PolicyInForce;
}

interface RankingEntry {
  rank: number;
  projectId: string;
  code: string;
  name: string;
  programId: string;
  programCode: string | null;
  scores: Record<string, number>;
  weightedScore: number | null;
  lastChangedAt: Date | null;
  lastReason: string | null;
}

interface RankingView {
  scope: PriorityScope;
  programId: string | null;
  asOf: string | null;
  policy: {
    standardId: string;
    key: string;
    title: string;
    version: string;
    criteria: PolicyInForce['policy']['criteria'];
    rule: PolicyInForce['policy']['program'];
  } | null;
  entries: RankingEntry[];
}

/** Reads the rankings and changes them directly, as the policy in force allows. */
@Injectable()
export class PrioritiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policies: PriorityPolicies,
    private readonly rankings: PriorityRankings,
  ) {}

  /** A ranking now or as of the end of a day; a program manager sees only his programs' projects in the portfolio ranking, at their places. */
  async ranking(scope: PriorityScope, programId: string | null, asOf: string | undefined, principal: Principal): Promise<RankingView> {
    const manager = this.dataSource.manager;
    const at = asOf ? new Date(`${asOf}T23:59:59.999Z`) : null;
    const order = await this.rankings.orderAt(manager, scope, programId ?? '', at);
    const projects = new Map((await manager.findBy(PortfolioProjectEntity, { projectId: In(order) })).map((p) => [p.projectId, p]));
    const programs = new Map((await manager.find(PortfolioProgramEntity)).map((p) => [p.programId, p]));
    const program = programId ? (programs.get(programId) ?? null) : null;
    const policy = await this.policies.inForce(manager, scope, program ?? (programId ? { programId, tags: [] } : null));
    const latest = await this.rankings.latestChanges(manager, order, at);
    const access = AccessScope.of(principal);
    const entries = order.flatMap((projectId, index): RankingEntry[] => {
      const project = projects.get(projectId);
      if (!project) return [];
      const code = programs.get(project.programId)?.code ?? null;
      if (!access.reaches({ programCode: code ?? project.programId })) return [];
      const change = latest.get(projectId);
      return [
        {
          rank: index + 1,
          projectId,
          code: project.code,
          name: project.name,
          programId: project.programId,
          programCode: code,
          scores: change?.scores ?? {},
          weightedScore: change && policy ? weightedScore(policy.policy, change.scores) : null,
          lastChangedAt: change?.changedAt ?? null,
          lastReason: change?.reason ?? null,
        },
      ];
    });
    return {
      scope,
      programId,
      asOf: asOf ?? null,
      policy: policy
        ? {
            standardId: policy.standardId,
            key: policy.key,
            title: policy.title,
            version: policy.version,
            criteria: policy.policy.criteria,
            rule: policy.policy[scope],
          }
        : null,
      entries,
    };
  }

  /** A project's rank changes in both rankings, newest first. */
  async history(projectId: string, principal: Principal): Promise<PriorityChangeEntity[]> {
    await this.reachableProject(this.dataSource.manager, projectId, principal);
    return this.dataSource.manager.find(PriorityChangeEntity, { where: { projectId }, order: { changedAt: 'DESC', id: 'ASC' } });
  }

  /** Applies a change the policy lets the caller make directly; anything else is refused, saying what the policy does not allow. */
  change(input: PriorityChangeBody, actor: Principal): Promise<PriorityChangeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.contextOf(manager, input, actor);
      const order = await this.rankings.lockedOrder(manager, input.scope, context.project.programId);
      const fromRank = this.placeOf(order, input);
      const judgement = judgeChange(context.policy.policy[input.scope], input.scope, { roles: actor.roles, fromRank, toRank: input.rank });
      if (judgement.verdict !== 'apply') {
        const next = judgement.verdict === 'ask' ? '; ask for it instead, and someone the policy allows decides it' : '';
        throw new OutsidePolicyError(`the priority policy ${policyName(context.policy)} does not allow this change: ${judgement.why}${next}`);
      }
      return this.record(manager, context, order, { ...input, fromRank, actor, requestId: null });
    });
  }

  /** The project (open, reachable by the caller), its program and the policy that governs the ranking, with the scores checked against it. */
  async contextOf(manager: EntityManager, input: Pick<PriorityChangeBody, 'projectId' | 'scope' | 'scores'>, actor: Principal): Promise<RankContext> {
    const { project, program } = await this.reachableProject(manager, input.projectId, actor);
    if (project.closedAt) throw new PriorityChangeRefusedError(`project ${project.code} is closed: it has left the rankings`);
    const policy = await this.policies.require(manager, input.scope, program ?? { programId: project.programId, tags: [] });
    const problems = scoreProblems(policy.policy, input.scores);
    if (problems.length > 0)
      throw new PriorityChangeRefusedError(`the criteria scores do not fit the priority policy ${policyName(policy)}: ${problems.join('; ')}`);
    return { project, program, policy };
  }

  /** Moves the project in an order locked by the caller's transaction, stores the new order, the change and its audit entry. */
  async record(
    manager: EntityManager,
    context: RankContext,
    order: string[],
    change: Pick<PriorityChangeBody, 'scope' | 'rank' | 'scores' | 'reason'> & { fromRank: number; actor: Principal; requestId: string | null },
  ): Promise<PriorityChangeEntity> {
    const { project, policy } = context;
    const ordering = moveTo(order, project.projectId, change.rank);
    const now = this.clock.now();
    await this.rankings.save(manager, change.scope, project.programId, ordering, now);
    const saved = await manager.save(
      manager.create(PriorityChangeEntity, {
        id: randomUUID(),
        projectId: project.projectId,
        programId: project.programId,
        scope: change.scope,
        scopeKey: change.scope === 'portfolio' ? 'portfolio' : `program:${project.programId}`,
        fromRank: change.fromRank,
        toRank: change.rank,
        scores: change.scores,
        weightedScore: weightedScore(policy.policy, change.scores),
        reason: change.reason,
        changedBySubject: change.actor.subject,
        changedByName: change.actor.name,
        changedAt: now,
        policyVersionId: policy.versionId,
        requestId: change.requestId,
        ordering,
      }),
    );
    await AuditLog.record(manager, {
      actor: { subject: change.actor.subject, name: change.actor.name },
      action: 'priority.changed',
      entityType: 'project-priority',
      entityId: project.projectId,
      before: { scope: change.scope, rank: change.fromRank },
      after: { scope: change.scope, rank: change.rank, scores: change.scores, changeId: saved.id },
      reason: change.reason,
    });
    return saved;
  }

  /** The project's current place in an order, and a refusal when the new rank is past the ranking's end. */
  placeOf(order: string[], input: Pick<PriorityChangeBody, 'projectId' | 'rank' | 'scope'>): number {
    if (input.rank > order.length)
      throw new PriorityChangeRefusedError(`rank ${input.rank} is past the end of the ${input.scope} ranking, which holds ${order.length} project(s)`);
    return order.indexOf(input.projectId) + 1;
  }

  async reachableProject(
    manager: EntityManager,
    projectId: string,
    principal: Principal,
  ): Promise<{ project: PortfolioProjectEntity; program: PortfolioProgramEntity | null }> {
    const project = await manager.findOneBy(PortfolioProjectEntity, { projectId });
    if (!project) throw new PriorityProjectNotFoundError(projectId);
    const program = await manager.findOneBy(PortfolioProgramEntity, { programId: project.programId });
    // Out of the caller's programs it does not exist for him, as elsewhere.
    if (!AccessScope.of(principal).reaches({ programCode: program?.code ?? project.programId })) throw new PriorityProjectNotFoundError(projectId);
    return { project, program };
  }
}

export function policyName(policy: PolicyInForce): string {
  return `"${policy.title}" ${policy.version}`;
}
