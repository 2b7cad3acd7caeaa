import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { PriorityChangeBody, PriorityDecisionBody, PriorityRequestsQuery } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { PrioritiesService, policyName } from './priorities.service';
import { OutsidePolicyError, PriorityChangeRefusedError, PriorityRequestDecidedError, PriorityRequestNotFoundError } from './priorities.errors';
import type { PriorityChangeEntity } from './priority-change.entity';
import { judgeChange, mayDecide } from './priority-policy';
import { PriorityPolicies } from './priority-policies';
import { PriorityRankings } from './priority-rankings';
import { PriorityRequestEntity } from './priority-request.entity';

/** A change asked for, with the project it is about. */
export interface PriorityRequestView extends PriorityRequestEntity {
  projectCode: string;
  projectName: string;
}

export interface PriorityDecision {
  request: PriorityRequestView;
  /** The change applied when the request was approved; null when refused. */
  change: PriorityChangeEntity | null;
}

/**
 * The priority changes asked for and their decisions. Also the service a steering committee uses: its agenda
 * lists `pendingFor(its programs)`, and its decision calls `decide(request, decision, member)` inside its own
 * transaction, so the decision log and the new rank commit together (docs/priorities.md).
 */
@Injectable()
export class PriorityRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly priorities: PrioritiesService,
    private readonly rankings: PriorityRankings,
    private readonly policies: PriorityPolicies,
    private readonly scopes: PortfolioScopes,
  ) {}

  /** Records a change the policy does not let the caller make but lets him ask for: pending until decided. */
  ask(input: PriorityChangeBody, actor: Principal): Promise<PriorityRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.priorities.contextOf(manager, input, actor);
      const order = await this.rankings.orderAt(manager, input.scope, context.project.programId, null);
      const fromRank = this.priorities.placeOf(order, input);
      const judgement = judgeChange(context.policy.policy[input.scope], input.scope, { roles: actor.roles, fromRank, toRank: input.rank });
      if (judgement.verdict === 'apply')
        throw new PriorityChangeRefusedError(
          `the priority policy ${policyName(context.policy)} lets you make this change directly: there is nothing to ask for`,
        );
      if (judgement.verdict === 'refuse')
        throw new OutsidePolicyError(`the priority policy ${policyName(context.policy)} does not allow this change, nor asking for it: ${judgement.why}`);
      const request = await manager.save(
        manager.create(PriorityRequestEntity, {
          id: randomUUID(),
          projectId: input.projectId,
          programId: context.project.programId,
          scope: input.scope,
          fromRank,
          toRank: input.rank,
          scores: input.scores,
          reason: input.reason,
          outsidePolicy: judgement.why,
          policyVersionId: context.policy.versionId,
          askedBySubject: actor.subject,
          askedByName: actor.name,
          askedAt: this.clock.now(),
          state: 'pending',
          decidedBySubject: null,
          decidedByName: null,
          decidedAt: null,
          decisionReason: null,
        }),
      );
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'priority.change-asked',
        entityType: 'priority-request',
        entityId: request.id,
        after: request,
        reason: input.reason,
      });
      const [view] = await this.withProjects(manager, [request]);
      return view;
    });
  }

  /** The requests the caller reaches, newest first. */
  async list(query: PriorityRequestsQuery, principal: Principal): Promise<PriorityRequestView[]> {
    const requests = await this.dataSource.manager.find(PriorityRequestEntity, {
      where: { ...(query.programId ? { programId: query.programId } : {}), ...(query.state ? { state: query.state } : {}) },
      order: { askedAt: 'DESC', id: 'ASC' },
    });
    return this.withProjects(this.dataSource.manager, await this.scopes.onlyReachable(principal, requests));
  }

  /** The pending priority change requests about projects of these programs, oldest first: what a committee's agenda lists. */
  async pendingFor(programIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<PriorityRequestView[]> {
    if (programIds.length === 0) return [];
    const requests = await manager.find(PriorityRequestEntity, {
      where: { programId: In([...programIds]), state: 'pending' },
      order: { askedAt: 'ASC', id: 'ASC' },
    });
    return this.withProjects(manager, requests);
  }

  /**
   * Approves (the move is applied as asked, the others shifting) or refuses a pending request, as `actor`: the
   * policy now in force must name one of his roles among its deciders, and he may not decide his own request.
   * Runs in `manager`'s transaction when given one, else in its own.
   */
  decide(requestId: string, decision: PriorityDecisionBody, actor: Principal, manager?: EntityManager): Promise<PriorityDecision> {
    const run = (m: EntityManager) => this.decideIn(m, requestId, decision, actor);
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  private async decideIn(manager: EntityManager, requestId: string, decision: PriorityDecisionBody, actor: Principal): Promise<PriorityDecision> {
    const request = await manager.findOne(PriorityRequestEntity, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
    if (!request || (await this.scopes.onlyReachable(actor, [request])).length === 0) throw new PriorityRequestNotFoundError(requestId);
    if (request.state !== 'pending') throw new PriorityRequestDecidedError(requestId, request.state);
    const before = { ...request };
    let change: PriorityChangeEntity | null = null;
    if (decision.outcome === 'approve') {
      const context = await this.priorities.contextOf(manager, request, actor);
      this.assertDecider(context.policy.policy[request.scope], actor, request);
      const order = await this.rankings.lockedOrder(manager, request.scope, request.programId);
      const fromRank = this.priorities.placeOf(order, { projectId: request.projectId, rank: request.toRank, scope: request.scope });
      change = await this.priorities.record(manager, context, order, {
        scope: request.scope,
        rank: request.toRank,
        scores: request.scores,
        reason: request.reason,
        fromRank,
        actor,
        requestId: request.id,
      });
    } else {
      // Refusing needs a decider too, under the policy that governs the ranking now; a closed project's request may still be refused.
      const { project, program } = await this.priorities.reachableProject(manager, request.projectId, actor);
      const policy = await this.policies.require(manager, request.scope, program ?? { programId: project.programId, tags: [] });
      this.assertDecider(policy.policy[request.scope], actor, request);
    }
    Object.assign(request, {
      state: decision.outcome === 'approve' ? 'approved' : 'refused',
      decidedBySubject: actor.subject,
      decidedByName: actor.name,
      decidedAt: this.clock.now(),
      decisionReason: decision.reason,
    });
    const saved = await manager.save(request);
    await AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action: decision.outcome === 'approve' ? 'priority.request-approved' : 'priority.request-refused',
      entityType: 'priority-request',
      entityId: request.id,
      before,
      after: saved,
      reason: decision.reason,
    });
    const [view] = await this.withProjects(manager, [saved]);
    return { request: view, change };
  }

  private assertDecider(rule: Parameters<typeof mayDecide>[0], actor: Principal, request: PriorityRequestEntity): void {
    const refusal = mayDecide(rule, actor.roles, actor.subject, request.askedBySubject);
    if (refusal) throw new OutsidePolicyError(`the priority policy does not allow this decision: ${refusal}`);
  }

  private async withProjects(manager: EntityManager, requests: PriorityRequestEntity[]): Promise<PriorityRequestView[]> {
    const ids = [...new Set(requests.map((r) => r.projectId))];
    const projects = new Map((ids.length ? await manager.findBy(PortfolioProjectEntity, { projectId: In(ids) }) : []).map((p) => [p.projectId, p]));
    return requests.map((r) => ({ ...r, projectCode: projects.get(r.projectId)?.code ?? r.projectId, projectName: projects.get(r.projectId)?.name ?? '' }));
  }
}
