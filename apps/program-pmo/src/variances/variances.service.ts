import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import {
  checkVarianceExpiry,
  checkVarianceTransition,
  deviationProblems,
  DEFAULT_LONGEST_VARIANCE_MONTHS,
  overdueConditionIds,
  type RequestVarianceBody,
  type VarianceFacts,
} from '@pmo/contracts';
import { Clock, idempotentCall, onceForKey, type IdempotentCall } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { StandardsViewService, type ProgramStandardView } from '@pmo/standards-view';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AdoptionDecisionEntity } from '../adoptions/adoption-decision.entity';
import { recordDecisions } from '../adoptions/decision-record';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import { VariancePolicyEntity } from './variance-policy.entity';
import { VarianceRequestEntity } from './variance-request.entity';
import { loadVarianceFacts } from './variance-facts';
import { IllegalVarianceTransitionError, NotTheRequesterError, VarianceNotRequestableError, VarianceRequestNotFoundError } from './variances.errors';

/** Where a request comes from besides the program's own form: a revision, or a project's proposal. */
export interface RequestOrigin {
  revisionOf?: VarianceRequestEntity;
  proposalId?: string;
}

/** A request as the program's lists show it, with its flags. */
export interface VarianceRequestView extends VarianceRequestEntity {
  /** Undecided and escalated past its decision due date. */
  late: boolean;
  /** A condition of the approval is past its due date and not met. */
  conditionsOverdue: boolean;
  /** The approval's ground changed; the strategic PMO must confirm or revoke it. */
  needsReview: boolean;
}

/** Variance requests a program sends to the strategic PMO: new, revised after a rejection, or withdrawn. */
@Injectable()
export class VariancesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly standards: StandardsViewService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a request and sends it up. With an idempotency key, a retry gets the first request back and
   * nothing is recorded twice.
   */
  async requestVariance(programId: string, input: RequestVarianceBody, actor: Principal, idempotencyKey?: string): Promise<VarianceRequestEntity> {
    const call = idempotentCall(idempotencyKey, 'variance-request', { programId, input });
    return onceForKey(
      call,
      (key) => this.dataSource.manager.findOneBy(VarianceRequestEntity, { programId, idempotencyKey: key }),
      () => this.dataSource.transaction((manager) => this.record(manager, programId, input, actor, call, {})),
    );
  }

  /** A rejected request, revised and submitted again as a new version linked to it. Idempotent like a request. */
  async reviseVariance(
    programId: string,
    varianceId: string,
    input: RequestVarianceBody,
    actor: Principal,
    idempotencyKey?: string,
  ): Promise<VarianceRequestEntity> {
    const call = idempotentCall(idempotencyKey, 'variance-revision', { programId, varianceId, input });
    return onceForKey(
      call,
      (key) => this.dataSource.manager.findOneBy(VarianceRequestEntity, { programId, idempotencyKey: key }),
      () =>
        this.dataSource.transaction(async (manager) => {
          const previous = await this.locate(manager, programId, varianceId);
          if (previous.state !== 'rejected')
            throw new IllegalVarianceTransitionError(
              `variance ${varianceId} is ${previous.state}; only a rejected request can be revised and resubmitted`,
              varianceId,
            );
          if (await manager.existsBy(VarianceRequestEntity, { revisionOf: varianceId }))
            throw new IllegalVarianceTransitionError(`variance ${varianceId} was already revised`, varianceId);
          return this.record(manager, programId, input, actor, call, { revisionOf: previous });
        }),
    );
  }

  /** submitted | under-review → withdrawn, by the requester; the strategic PMO closes its case from the event. */
  async withdrawVariance(programId: string, varianceId: string, reason: string, actor: Principal): Promise<VarianceRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.locate(manager, programId, varianceId, true);
      if (found.requestedBySubject !== actor.subject) throw new NotTheRequesterError(varianceId);
      const check = checkVarianceTransition(found.state, 'withdrawn');
      if (!check.ok) throw new IllegalVarianceTransitionError(check.message, varianceId);
      const before = { ...found };
      const now = this.clock.now();
      found.state = 'withdrawn';
      found.withdrawnReason = reason;
      found.decidedAt = now;
      const saved = await manager.save(found);
      await this.outbox.add(manager, 'pmo.variance.withdrawn.v1', {
        varianceId,
        programId,
        reason,
        withdrawnBy: { subject: actor.subject, name: actor.name },
        withdrawnAt: now.toISOString(),
      });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'variance.withdrawn',
        entityType: 'variance',
        entityId: varianceId,
        before,
        after: saved,
        reason,
      });
      return saved;
    });
  }

  async listVariances(programId: string): Promise<VarianceRequestView[]> {
    if (!(await this.dataSource.manager.existsBy(ProgramEntity, { id: programId }))) throw new ProgramNotFoundError(programId);
    const requests = await this.dataSource.manager.find(VarianceRequestEntity, { where: { programId }, order: { submittedAt: 'DESC' } });
    return requests.map((r) => this.view(r));
  }

  async getVariance(programId: string, varianceId: string): Promise<VarianceRequestView> {
    return this.view(await this.locate(this.dataSource.manager, programId, varianceId));
  }

  private view(r: VarianceRequestEntity): VarianceRequestView {
    const approved = r.state === 'approved' || r.state === 'approved-with-conditions';
    return {
      ...r,
      late: (r.state === 'submitted' || r.state === 'under-review') && r.escalatedAt !== null,
      conditionsOverdue: r.state === 'approved-with-conditions' && overdueConditionIds(r.conditions, this.clock.today()).length > 0,
      needsReview: approved && (r.reviewReasons?.length ?? 0) > 0,
    };
  }

  /** The program's variances as the compliance rules take them. */
  varianceFacts(programId?: string): Promise<VarianceFacts[]> {
    return loadVarianceFacts(this.dataSource.manager, programId ? { programId } : {});
  }

  /** Checks a request against the program and the standard's policy, records it and sends it up. */
  async record(
    manager: EntityManager,
    programId: string,
    input: RequestVarianceBody,
    actor: Principal,
    call: IdempotentCall | null,
    origin: RequestOrigin,
  ): Promise<VarianceRequestEntity> {
    const program = await manager.findOneBy(ProgramEntity, { id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    const version = await this.standards.versionInForce({ programId, tags: program.tags }, input.versionId, manager);
    if (!version) throw new VarianceNotRequestableError(`standard version ${input.versionId} is not in force for program ${programId}`);
    const unknownRequirements = input.requirementIds.filter((id) => !version.requirements.some((r) => r.id === id));
    if (unknownRequirements.length)
      throw new VarianceNotRequestableError(`${unknownRequirements.join(', ')} is not a requirement of ${version.key} ${version.version}`);
    const deviations = input.deviations ?? [];
    const problems = deviationProblems(version.requirements, input.requirementIds, deviations);
    if (problems.length) throw new VarianceNotRequestableError(problems.join('; '));
    const projects = await manager.findBy(ProgramProjectEntity, { programId, projectId: In(input.projectIds) });
    const strangers = input.projectIds.filter((id) => !projects.some((p) => p.projectId === id));
    if (strangers.length) throw new VarianceNotRequestableError(`project ${strangers.join(', ')} is not in program ${programId}`);
    const now = this.clock.now();
    const policy = await manager.findOneBy(VariancePolicyEntity, { standardId: version.standardId });
    const expiry = checkVarianceExpiry(input.expiresOn, this.clock.today(), policy?.longestVarianceMonths ?? DEFAULT_LONGEST_VARIANCE_MONTHS);
    if (!expiry.ok) throw new VarianceNotRequestableError(`${expiry.message} (${version.key})`);
    const request = manager.create(VarianceRequestEntity, {
      id: randomUUID(),
      programId,
      requestedBySubject: actor.subject,
      requestedByName: actor.name,
      standardId: version.standardId,
      versionId: version.versionId,
      version: version.version,
      requirementIds: input.requirementIds,
      deviations,
      projectIds: input.projectIds,
      justification: input.justification,
      likelihood: input.risk.likelihood,
      impact: input.risk.impact,
      compensatingControls: input.compensatingControls ?? [],
      expiresOn: input.expiresOn,
      state: 'submitted',
      submittedAt: now,
      decidedAt: null,
      decisionReason: null,
      conditions: [],
      idempotencyKey: call?.key ?? null,
      requestFingerprint: call?.fingerprint ?? null,
      revisionOf: origin.revisionOf?.id ?? null,
      revision: (origin.revisionOf?.revision ?? 0) + 1,
      proposalId: origin.proposalId ?? null,
      withdrawnReason: null,
      escalatedAt: null,
      reviewReasons: null,
      endedAt: null,
    });
    await manager.insert(VarianceRequestEntity, request);
    await this.outbox.add(manager, 'pmo.variance.requested.v1', {
      varianceId: request.id,
      programId,
      requestedBy: { subject: actor.subject, name: actor.name },
      standardId: request.standardId,
      versionId: request.versionId,
      version: request.version,
      requirementIds: request.requirementIds,
      deviations: request.deviations,
      projectIds: request.projectIds,
      justification: request.justification,
      risk: { likelihood: request.likelihood, impact: request.impact },
      compensatingControls: request.compensatingControls,
      expiresOn: request.expiresOn,
      submittedAt: now.toISOString(),
      ...(origin.revisionOf ? { revisionOf: origin.revisionOf.id } : {}),
      ...(origin.proposalId ? { proposalId: origin.proposalId } : {}),
    });
    await this.recordVarianceNeeded(manager, request, version, now);
    await AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action: origin.revisionOf ? 'variance.revised' : 'variance.requested',
      entityType: 'variance',
      entityId: request.id,
      after: request,
      reason: request.justification,
    });
    return request;
  }

  /**
   * A request is the program's decision that its projects need a variance: for a project whose decision in force
   * on the version is another (or none), `variance-needed` is recorded with the request, so the request is never
   * a silent no-op on compliance and the impact analysis sees what the approval would change.
   */
  private async recordVarianceNeeded(manager: EntityManager, request: VarianceRequestEntity, version: ProgramStandardView, now: Date): Promise<void> {
    const decisions = await manager.find(AdoptionDecisionEntity, {
      where: { programId: request.programId, versionId: request.versionId, projectId: In(request.projectIds) },
      order: { decidedAt: 'ASC' },
    });
    const inForce = new Map(decisions.map((d) => [d.projectId, d.decision]));
    const projectIds = request.projectIds.filter((id) => inForce.get(id) !== 'variance-needed');
    if (projectIds.length === 0) return;
    await recordDecisions(manager, this.outbox, {
      programId: request.programId,
      version,
      projectIds,
      decision: 'variance-needed',
      choices: {},
      reason: `variance ${request.id} requested: ${request.justification}`.slice(0, 2000),
      actor: { subject: request.requestedBySubject, name: request.requestedByName },
      decidedAt: now,
    });
  }

  private async locate(manager: EntityManager, programId: string, varianceId: string, forUpdate = false): Promise<VarianceRequestEntity> {
    const found = await manager.findOne(VarianceRequestEntity, {
      where: { id: varianceId, programId },
      lock: forUpdate ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!found) throw new VarianceRequestNotFoundError(programId, varianceId);
    return found;
  }
}
