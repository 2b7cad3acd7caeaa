import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { VarianceProposedV1 } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { VarianceProposalEntity } from './variance-proposal.entity';
import type { VarianceRequestEntity } from './variance-request.entity';
import { VariancesService } from './variances.service';
import { ProposalAlreadyAnsweredError, VarianceProposalNotFoundError } from './variances.errors';

/** Project PMOs' proposals: the program forwards one to the strategic PMO as its request, or rejects it. */
@Injectable()
export class VarianceProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly variances: VariancesService,
  ) {}

  /** A project proposed one (in the event's inbox transaction). */
  async recordProposal(manager: EntityManager, event: VarianceProposedV1): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(VarianceProposalEntity)
      .values({
        id: event.proposalId,
        programId: event.programId,
        projectId: event.projectId,
        proposedBySubject: event.proposedBy.subject,
        proposedByName: event.proposedBy.name,
        standardId: event.standardId,
        versionId: event.versionId,
        version: event.version,
        requirementIds: event.requirementIds,
        deviations: event.deviations ?? [],
        justification: event.justification,
        likelihood: event.risk.likelihood,
        impact: event.risk.impact,
        compensatingControls: event.compensatingControls,
        expiresOn: event.expiresOn,
        proposedAt: new Date(event.proposedAt),
        state: 'proposed',
      })
      .orIgnore()
      .execute();
  }

  async listProposals(programId: string): Promise<VarianceProposalEntity[]> {
    if (!(await this.dataSource.manager.existsBy(ProgramEntity, { id: programId }))) throw new ProgramNotFoundError(programId);
    return this.dataSource.manager.find(VarianceProposalEntity, { where: { programId }, order: { proposedAt: 'DESC' } });
  }

  /** Sends the proposal up as the program's own request, same content; the forwarder is its requester. */
  async forward(programId: string, proposalId: string, actor: Principal): Promise<VarianceRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.openProposal(manager, programId, proposalId);
      const request = await this.variances.record(
        manager,
        programId,
        {
          versionId: proposal.versionId,
          requirementIds: proposal.requirementIds,
          deviations: proposal.deviations,
          projectIds: [proposal.projectId],
          justification: proposal.justification,
          risk: { likelihood: proposal.likelihood, impact: proposal.impact },
          compensatingControls: proposal.compensatingControls,
          expiresOn: proposal.expiresOn,
        },
        actor,
        null,
        { proposalId },
      );
      await this.answer(manager, proposal, actor, { outcome: 'forwarded', varianceId: request.id });
      return request;
    });
  }

  async reject(programId: string, proposalId: string, reason: string, actor: Principal): Promise<VarianceProposalEntity> {
    return this.dataSource.transaction(async (manager) =>
      this.answer(manager, await this.openProposal(manager, programId, proposalId), actor, { outcome: 'rejected', reason }),
    );
  }

  private async openProposal(manager: EntityManager, programId: string, proposalId: string): Promise<VarianceProposalEntity> {
    const proposal = await manager.findOne(VarianceProposalEntity, { where: { id: proposalId, programId }, lock: { mode: 'pessimistic_write' } });
    if (!proposal) throw new VarianceProposalNotFoundError(programId, proposalId);
    if (proposal.state !== 'proposed') throw new ProposalAlreadyAnsweredError(proposalId, proposal.state);
    return proposal;
  }

  private async answer(
    manager: EntityManager,
    proposal: VarianceProposalEntity,
    actor: Principal,
    outcome: { outcome: 'forwarded'; varianceId: string } | { outcome: 'rejected'; reason: string },
  ): Promise<VarianceProposalEntity> {
    const before = { ...proposal };
    const now = this.clock.now();
    proposal.state = outcome.outcome;
    proposal.answeredAt = now;
    proposal.varianceId = outcome.outcome === 'forwarded' ? outcome.varianceId : null;
    proposal.answerReason = outcome.outcome === 'rejected' ? outcome.reason : null;
    const saved = await manager.save(proposal);
    await this.outbox.add(manager, 'pmo.variance.proposal-answered.v1', {
      proposalId: proposal.id,
      projectId: proposal.projectId,
      programId: proposal.programId,
      ...outcome,
      answeredBy: { subject: actor.subject, name: actor.name },
      answeredAt: now.toISOString(),
    });
    await AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action: `variance-proposal.${outcome.outcome}`,
      entityType: 'variance-proposal',
      entityId: proposal.id,
      before,
      after: saved,
      reason: outcome.outcome === 'rejected' ? outcome.reason : undefined,
    });
    return saved;
  }
}
