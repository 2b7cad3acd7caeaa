import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { canGrandfather, checkTailoring, type DecideAdoptionBody } from '@pmo/contracts';
import { Clock, idempotentCall, onceForKey, type IdempotentCall } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { StandardsViewService, type ProgramStandardView } from '@pmo/standards-view';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import { AdoptionCallEntity } from './adoption-call.entity';
import { AdoptionDecisionEntity } from './adoption-decision.entity';
import { recordDecisions } from './decision-record';
import { GrandfatheringPoliciesService } from './grandfathering-policies.service';
import { OverdueNoticeEntity } from './overdue-notice.entity';
import { GrandfatheringRefusedError, OutsideLeewayError, ProjectNotInProgramError, VersionNotInForceError } from './adoptions.errors';

/** A program PMO's adoption decisions: per project or in bulk, checked against leeway and progress. */
@Injectable()
export class AdoptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly standards: StandardsViewService,
    private readonly clock: Clock,
    private readonly grandfathering: GrandfatheringPoliciesService,
  ) {}

  /**
   * Records one decision for each project, all or none: every project must be in the program, the version
   * in force for it, a tailoring inside the leeway, a grandfathered project at the standard's threshold or closing.
   * With an Idempotency-Key, a retry gets the first call's decisions (same ids, no second event) and the same key
   * with another request is refused (`onceForKey`).
   */
  async decide(programId: string, input: DecideAdoptionBody, actor: Principal, idempotencyKey?: string): Promise<AdoptionDecisionEntity[]> {
    const call = idempotentCall(idempotencyKey, 'adoption', { programId, input });
    const { decisions } = await onceForKey(
      call,
      (key) => this.keyedCall(programId, key),
      () => this.dataSource.transaction((manager) => this.record(manager, programId, input, actor, call)),
    );
    return decisions;
  }

  private async record(
    manager: EntityManager,
    programId: string,
    input: DecideAdoptionBody,
    actor: Principal,
    call: IdempotentCall | null,
  ): Promise<{ requestFingerprint: string | null; decisions: AdoptionDecisionEntity[] }> {
    const program = await manager.findOneBy(ProgramEntity, { id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    const version = await this.versionInForce(manager, program, input.versionId);
    const projects = await manager.findBy(ProgramProjectEntity, { programId, projectId: In(input.projectIds) });
    const missing = input.projectIds.filter((id) => !projects.some((p) => p.projectId === id));
    if (missing.length) throw new ProjectNotInProgramError(missing, programId);
    this.checkDecision(input, version, projects, await this.grandfathering.thresholdOf(manager, version.standardId));

    const decidedAt = this.clock.now();
    const decisions = await recordDecisions(manager, this.outbox, {
      programId,
      version,
      projectIds: projects.map((p) => p.projectId),
      decision: input.decision,
      choices: input.decision === 'tailor' ? (input.choices ?? {}) : {},
      reason: input.reason,
      actor: { subject: actor.subject, name: actor.name },
      decidedAt,
    });
    // A concurrent first call with the same key waits on this row's key and then fails on it (`onceForKey`).
    if (call) {
      await manager.insert(AdoptionCallEntity, {
        programId,
        idempotencyKey: call.key,
        requestFingerprint: call.fingerprint,
        decisionIds: decisions.map((d) => d.id),
        calledAt: decidedAt,
      });
    }
    return { requestFingerprint: call?.fingerprint ?? null, decisions };
  }

  // The decisions a keyed call recorded, in its order.
  private async keyedCall(programId: string, key: string): Promise<{ requestFingerprint: string; decisions: AdoptionDecisionEntity[] } | null> {
    const call = await this.dataSource.manager.findOneBy(AdoptionCallEntity, { programId, idempotencyKey: key });
    if (!call) return null;
    const byId = new Map((await this.dataSource.manager.findBy(AdoptionDecisionEntity, { id: In(call.decisionIds) })).map((d) => [d.id, d]));
    return { requestFingerprint: call.requestFingerprint, decisions: call.decisionIds.flatMap((id) => byId.get(id) ?? []) };
  }

  /** Every decision of a program, newest first (the history; the newest per project and version is in force). */
  history(programId: string, projectId?: string): Promise<AdoptionDecisionEntity[]> {
    return this.dataSource.manager.find(AdoptionDecisionEntity, { where: { programId, ...(projectId ? { projectId } : {}) }, order: { decidedAt: 'DESC' } });
  }

  overdueNotices(programId: string): Promise<OverdueNoticeEntity[]> {
    return this.dataSource.manager.find(OverdueNoticeEntity, { where: { programId }, order: { noticedAt: 'ASC' } });
  }

  private async versionInForce(manager: EntityManager, program: ProgramEntity, versionId: string): Promise<ProgramStandardView> {
    const version = await this.standards.versionInForce({ programId: program.id, tags: program.tags }, versionId, manager);
    if (!version) throw new VersionNotInForceError(versionId, program.id);
    return version;
  }

  private checkDecision(input: DecideAdoptionBody, version: ProgramStandardView, projects: ProgramProjectEntity[], grandfatheringThreshold: number): void {
    if (input.decision === 'tailor') {
      const check = checkTailoring(version.requirements, input.choices ?? {});
      if (!check.ok) throw new OutsideLeewayError(check.problems);
    }
    if (input.decision === 'grandfather') {
      const refused = projects
        .map((project) => ({
          projectId: project.projectId,
          check: canGrandfather({ percentComplete: project.percentComplete, phase: project.phase }, grandfatheringThreshold),
        }))
        .flatMap(({ projectId, check }) => (check.ok ? [] : [{ projectId, message: check.message }]));
      if (refused.length) throw new GrandfatheringRefusedError(refused);
    }
  }
}
