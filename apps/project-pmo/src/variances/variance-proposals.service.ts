import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import {
  deviationProblems,
  type ProposeVarianceBody,
  type VarianceDecidedV1,
  type VarianceExpiredV1,
  type VarianceProposalAnsweredV1,
  type VarianceReviewedV1,
  type VarianceState,
} from '@pmo/contracts';
import { Clock, idempotentCall, onceForKey, type IdempotentCall } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { StandardsViewService } from '@pmo/standards-view';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { KnownProgramEntity } from '../programs/known-program.entity';
import { ProjectEntity } from '../projects/project.entity';
import { ProjectClosedError, ProjectNotFoundError } from '../projects/projects.errors';
import { VarianceProposalEntity } from './variance-proposal.entity';
import { VarianceNotProposableError } from './variances.errors';

/** A project PMO proposes variances to its program, and follows what becomes of them. */
@Injectable()
export class VarianceProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly standards: StandardsViewService,
    private readonly clock: Clock,
  ) {}

  /** Records a proposal and sends it to the program. A retry with the same idempotency key gets the first back. */
  async propose(projectId: string, input: ProposeVarianceBody, actor: Principal, idempotencyKey?: string): Promise<VarianceProposalEntity> {
    const call = idempotentCall(idempotencyKey, 'variance-proposal', { projectId, input });
    return onceForKey(
      call,
      (key) => this.dataSource.manager.findOneBy(VarianceProposalEntity, { projectId, idempotencyKey: key }),
      () => this.dataSource.transaction((manager) => this.record(manager, projectId, input, actor, call)),
    );
  }

  async listProposals(projectId: string): Promise<VarianceProposalEntity[]> {
    if (!(await this.dataSource.manager.existsBy(ProjectEntity, { id: projectId }))) throw new ProjectNotFoundError(projectId);
    return this.dataSource.manager.find(VarianceProposalEntity, { where: { projectId }, order: { proposedAt: 'DESC' } });
  }

  /** The program forwarded or rejected it (in the event's inbox transaction). */
  async recordAnswer(manager: EntityManager, event: VarianceProposalAnsweredV1): Promise<void> {
    await manager.update(
      VarianceProposalEntity,
      { id: event.proposalId },
      {
        state: event.outcome,
        answerReason: event.reason ?? null,
        answeredAt: new Date(event.answeredAt),
        varianceId: event.varianceId ?? null,
        varianceState: event.outcome === 'forwarded' ? 'submitted' : null,
      },
    );
  }

  async recordDecision(manager: EntityManager, event: VarianceDecidedV1): Promise<void> {
    await this.followVariance(manager, event.varianceId, event.outcome);
  }

  async recordExpiry(manager: EntityManager, event: VarianceExpiredV1): Promise<void> {
    await this.followVariance(manager, event.varianceId, 'expired');
  }

  async recordReview(manager: EntityManager, event: VarianceReviewedV1): Promise<void> {
    if (event.outcome === 'revoked') await this.followVariance(manager, event.varianceId, 'revoked');
  }

  private async followVariance(manager: EntityManager, varianceId: string, state: VarianceState): Promise<void> {
    await manager.update(VarianceProposalEntity, { varianceId }, { varianceState: state });
  }

  private async record(
    manager: EntityManager,
    projectId: string,
    input: ProposeVarianceBody,
    actor: Principal,
    call: IdempotentCall | null,
  ): Promise<VarianceProposalEntity> {
    const project = await manager.findOneBy(ProjectEntity, { id: projectId });
    if (!project) throw new ProjectNotFoundError(projectId);
    if (project.closedAt) throw new ProjectClosedError(projectId);
    const program = await manager.findOneBy(KnownProgramEntity, { programId: project.programId });
    const version = program ? await this.standards.versionInForce({ programId: program.programId, tags: program.tags }, input.versionId, manager) : null;
    if (!version) throw new VarianceNotProposableError(`standard version ${input.versionId} is not in force for the program of project ${projectId}`);
    const unknown = input.requirementIds.filter((id) => !version.requirements.some((r) => r.id === id));
    if (unknown.length) throw new VarianceNotProposableError(`${unknown.join(', ')} is not a requirement of ${version.key} ${version.version}`);
    const deviations = input.deviations ?? [];
    const problems = deviationProblems(version.requirements, input.requirementIds, deviations);
    if (problems.length) throw new VarianceNotProposableError(problems.join('; '));
    const today = this.clock.today();
    if (input.expiresOn <= today) throw new VarianceNotProposableError(`expiresOn ${input.expiresOn} must be after today (${today})`);
    const now = this.clock.now();
    const proposal = manager.create(VarianceProposalEntity, {
      id: randomUUID(),
      projectId,
      programId: project.programId,
      proposedBySubject: actor.subject,
      proposedByName: actor.name,
      standardId: version.standardId,
      versionId: version.versionId,
      version: version.version,
      requirementIds: input.requirementIds,
      deviations,
      justification: input.justification,
      likelihood: input.risk.likelihood,
      impact: input.risk.impact,
      compensatingControls: input.compensatingControls ?? [],
      expiresOn: input.expiresOn,
      proposedAt: now,
      state: 'proposed',
      answerReason: null,
      answeredAt: null,
      varianceId: null,
      varianceState: null,
      idempotencyKey: call?.key ?? null,
      requestFingerprint: call?.fingerprint ?? null,
    });
    await manager.insert(VarianceProposalEntity, proposal);
    await this.outbox.add(manager, 'pmo.variance.proposed.v1', {
      proposalId: proposal.id,
      projectId,
      programId: proposal.programId,
      proposedBy: { subject: actor.subject, name: actor.name },
      standardId: proposal.standardId,
      versionId: proposal.versionId,
      version: proposal.version,
      requirementIds: proposal.requirementIds,
      deviations: proposal.deviations,
      justification: proposal.justification,
      risk: { likelihood: proposal.likelihood, impact: proposal.impact },
      compensatingControls: proposal.compensatingControls,
      expiresOn: proposal.expiresOn,
      proposedAt: now.toISOString(),
    });
    await AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action: 'variance.proposed',
      entityType: 'variance-proposal',
      entityId: proposal.id,
      after: proposal,
      reason: proposal.justification,
    });
    return proposal;
  }
}
