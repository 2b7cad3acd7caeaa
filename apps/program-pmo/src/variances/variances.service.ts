import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { varianceDecisionOf as decisionOf, type VarianceDecidedV1, type VarianceExpiredV1, type VarianceFacts } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { StandardsViewService } from '@pmo/standards-view';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import type { RequestVarianceDto } from './dto/request-variance.dto';
import { onceForKey } from '../idempotency-key';
import { VarianceRequestEntity } from './variance-request.entity';
import { VarianceNotRequestableError } from './variances.errors';

// The longest a variance may run when the standard sets nothing shorter.
const LONGEST_VARIANCE_MONTHS = 12;

/** Variance requests a program sends to the strategic PMO, and the decisions that come back. */
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
  async requestVariance(programId: string, input: RequestVarianceDto, actor: Principal, idempotencyKey?: string): Promise<VarianceRequestEntity> {
    return onceForKey(
      idempotencyKey,
      (key) => this.dataSource.manager.findOneBy(VarianceRequestEntity, { programId, idempotencyKey: key }),
      () => this.dataSource.transaction((manager) => this.record(manager, programId, input, actor, idempotencyKey ?? null)),
    );
  }

  listVariances(programId: string): Promise<VarianceRequestEntity[]> {
    return this.dataSource.manager.find(VarianceRequestEntity, { where: { programId }, order: { submittedAt: 'DESC' } });
  }

  /** An approval reached its end date (the compliance rules also see it from `expiresOn`). */
  async recordExpiry(manager: EntityManager, event: VarianceExpiredV1): Promise<void> {
    await manager.update(VarianceRequestEntity, { id: event.varianceId }, { state: 'expired' });
  }

  /** The strategic PMO's decision, in the event's inbox transaction. */
  async recordDecision(manager: EntityManager, event: VarianceDecidedV1): Promise<void> {
    await manager.update(VarianceRequestEntity, { id: event.varianceId }, { state: event.outcome, decidedAt: new Date(event.decidedAt), decisionReason: event.reason, conditions: event.conditions });
  }

  /** The program's variances as the compliance rules take them. */
  async varianceFacts(programId?: string): Promise<VarianceFacts[]> {
    const requests = await this.dataSource.manager.find(VarianceRequestEntity, { where: programId ? { programId } : {} });
    return requests.map((r) => ({
      versionId: r.versionId,
      projectIds: r.projectIds,
      submittedAt: r.submittedAt,
      decided: decisionOf(r.state, r.decidedAt),
      expiresOn: r.expiresOn,
    }));
  }

  private async record(manager: EntityManager, programId: string, input: RequestVarianceDto, actor: Principal, idempotencyKey: string | null): Promise<VarianceRequestEntity> {
    const program = await manager.findOneBy(ProgramEntity, { id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    const version = (await this.standards.inForceFor({ programId, tags: program.tags })).find((v) => v.versionId === input.versionId);
    if (!version) throw new VarianceNotRequestableError(`standard version ${input.versionId} is not in force for program ${programId}`);
    const unknownRequirements = input.requirementIds.filter((id) => !version.requirements.some((r) => r.id === id));
    if (unknownRequirements.length) throw new VarianceNotRequestableError(`${unknownRequirements.join(', ')} is not a requirement of ${version.key} ${version.version}`);
    const projects = await manager.findBy(ProgramProjectEntity, { programId, projectId: In(input.projectIds) });
    const strangers = input.projectIds.filter((id) => !projects.some((p) => p.projectId === id));
    if (strangers.length) throw new VarianceNotRequestableError(`project ${strangers.join(', ')} is not in program ${programId}`);
    const now = this.clock.now();
    const latest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + LONGEST_VARIANCE_MONTHS, now.getUTCDate())).toISOString().slice(0, 10);
    if (input.expiresOn <= now.toISOString().slice(0, 10) || input.expiresOn > latest) {
      throw new VarianceNotRequestableError(`expiresOn must be after today and no later than ${latest} (${LONGEST_VARIANCE_MONTHS} months)`);
    }
    const request = manager.create(VarianceRequestEntity, {
      id: randomUUID(),
      programId,
      requestedBySubject: actor.subject,
      requestedByName: actor.name,
      standardId: version.standardId,
      versionId: version.versionId,
      version: version.version,
      requirementIds: input.requirementIds,
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
      idempotencyKey,
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
      projectIds: request.projectIds,
      justification: request.justification,
      risk: { likelihood: request.likelihood, impact: request.impact },
      compensatingControls: request.compensatingControls,
      expiresOn: request.expiresOn,
      submittedAt: now.toISOString(),
    });
    await AuditLog.record(manager, { actor: { subject: actor.subject, name: actor.name }, action: 'variance.requested', entityType: 'variance', entityId: request.id, after: request, reason: request.justification });
    return request;
  }
}
