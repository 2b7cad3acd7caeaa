import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccessScope, type Principal } from '@pmo/auth';
import { Clock, idempotentCall, onceForKey, type IdempotentCall } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { StandardsViewService } from '@pmo/standards-view';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { CloseProjectBody, RegisterProjectBody, UpdateProjectBody } from '@pmo/contracts';
import { MilestonesService } from '../milestones/milestones.service';
import { KnownProgramEntity } from '../programs/known-program.entity';
import { ImplementationStatusEntity } from '../reports/implementation-status.entity';
import { ReviewsService } from '../reviews/reviews.service';
import type { ProjectRequirementResponse } from './dto/project-requirement.response';
import { ProjectEntity } from './project.entity';
import { ProjectRegistrationCallEntity } from './project-registration-call.entity';
import {
  ProjectClosedError,
  ProjectCodeTakenError,
  ProjectDatesOutOfOrderError,
  ProjectNotFoundError,
  ProjectOutsideScopeError,
  UnknownProgramError,
} from './projects.errors';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly outbox: EventOutbox,
    private readonly standards: StandardsViewService,
    private readonly clock: Clock,
    private readonly reviews: ReviewsService,
    private readonly milestones: MilestonesService,
  ) {}

  /**
   * Registers a project in a known program; the project, its audit entry and `project.registered` commit together.
   * With an Idempotency-Key, a retry by the same caller gets the project the first call registered, and the same
   * key with another request is refused (`onceForKey`).
   */
  async registerProject(input: RegisterProjectBody, actor: Principal, idempotencyKey?: string): Promise<ProjectEntity> {
    const call = idempotentCall(idempotencyKey, 'project.register', input);
    const registered = await onceForKey(
      call,
      (key) => this.keyedRegistration(actor.subject, key),
      async () => ({ requestFingerprint: call?.fingerprint ?? null, project: await this.register(input, actor, call) }),
    );
    return registered.project;
  }

  private async keyedRegistration(caller: string, key: string): Promise<{ requestFingerprint: string; project: ProjectEntity } | null> {
    const call = await this.dataSource.manager.findOneBy(ProjectRegistrationCallEntity, { caller, idempotencyKey: key });
    return call && { requestFingerprint: call.requestFingerprint, project: await this.getProject(call.projectId) };
  }

  private register(input: RegisterProjectBody, actor: Principal, call: IdempotentCall | null): Promise<ProjectEntity> {
    const id = randomUUID();
    const code = input.code ?? id;
    return this.dataSource.transaction(async (manager) => {
      // The key first (its project is checked at commit): a retry racing its first call fails on the key, which
      // `onceForKey` answers with the first call's project, not on the code the first call took.
      if (call) {
        await manager.insert(ProjectRegistrationCallEntity, {
          caller: actor.subject,
          idempotencyKey: call.key,
          requestFingerprint: call.fingerprint,
          projectId: id,
          calledAt: this.clock.now(),
        });
      }
      const program = await manager.findOneBy(KnownProgramEntity, { programId: input.programId });
      if (!program) throw new UnknownProgramError(input.programId);
      // A program manager registers any project of his programs; a project manager only those of his groups.
      const scope = AccessScope.of(actor);
      if (!scope.reaches({ programCode: program.code, projectCode: code })) {
        const siblings = await manager.find(ProjectEntity, { where: { programId: program.programId }, select: { code: true } });
        // A program outside the caller's reach is answered like an unknown one: nothing is disclosed.
        if (!scope.reaches({ programCode: program.code, projectCodesOfProgram: siblings.map((p) => p.code) })) throw new UnknownProgramError(input.programId);
        throw new ProjectOutsideScopeError(code);
      }
      if (input.code !== undefined && (await manager.existsBy(ProjectEntity, { code }))) throw new ProjectCodeTakenError(code);
      checkDates(input.startDate ?? null, input.endDate ?? null);
      const project = await manager.save(
        manager.create(ProjectEntity, {
          id,
          code,
          programId: input.programId,
          name: input.name,
          phase: input.phase ?? 'initiation',
          percentComplete: input.percentComplete ?? 0,
          tags: input.tags ?? [],
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          // The service's clock, as for its closing, not the database's time of the insert.
          registeredAt: this.clock.now(),
        }),
      );
      await this.outbox.add(manager, 'pmo.project.registered.v1', {
        projectId: project.id,
        programId: project.programId,
        code: project.code,
        name: project.name,
        phase: project.phase,
        percentComplete: project.percentComplete,
        tags: project.tags,
        registeredAt: project.registeredAt.toISOString(),
      });
      // A planned project reaches the portfolio roadmap with its dates.
      if (project.startDate || project.endDate) await this.milestones.announceSchedule(manager, project);
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'project.registered',
        entityType: 'project',
        entityId: project.id,
        after: project,
      });
      return project;
    });
  }

  /** Changes phase, progress or tags; the change, its audit entry and `project.updated` commit together. */
  async updateProject(projectId: string, input: UpdateProjectBody, actor: Principal): Promise<ProjectEntity> {
    return this.dataSource.transaction(async (manager) => {
      const project = await manager.findOne(ProjectEntity, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
      if (!project) throw new ProjectNotFoundError(projectId);
      if (project.closedAt) throw new ProjectClosedError(projectId);
      const before = { ...project };
      if (input.phase !== undefined) project.phase = input.phase;
      if (input.percentComplete !== undefined) project.percentComplete = input.percentComplete;
      if (input.tags !== undefined) project.tags = input.tags;
      if (input.startDate !== undefined) project.startDate = input.startDate;
      if (input.endDate !== undefined) project.endDate = input.endDate;
      checkDates(project.startDate, project.endDate);
      const saved = await manager.save(project);
      await this.outbox.add(manager, 'pmo.project.updated.v1', {
        projectId: saved.id,
        programId: saved.programId,
        name: saved.name,
        phase: saved.phase,
        percentComplete: saved.percentComplete,
        tags: saved.tags,
        updatedAt: new Date().toISOString(),
      });
      if (saved.startDate !== before.startDate || saved.endDate !== before.endDate) await this.milestones.announceSchedule(manager, saved);
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'project.updated',
        entityType: 'project',
        entityId: saved.id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** Closes a project with its post-implementation review; the closing, the review, their audit entries and `project.closed` commit together. */
  async closeProject(projectId: string, { reason, review }: CloseProjectBody, actor: Principal): Promise<ProjectEntity> {
    return this.dataSource.transaction(async (manager) => {
      const project = await manager.findOne(ProjectEntity, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
      if (!project) throw new ProjectNotFoundError(projectId);
      if (project.closedAt) throw new ProjectClosedError(projectId);
      const before = { ...project };
      project.closedAt = this.clock.now();
      project.closeReason = reason;
      const saved = await manager.save(project);
      const reviewed = review ? await this.reviews.recordAtClose(manager, saved, review, actor) : undefined;
      await this.outbox.add(manager, 'pmo.project.closed.v1', {
        projectId,
        programId: saved.programId,
        reason,
        closedAt: (saved.closedAt as Date).toISOString(),
      });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'project.closed',
        entityType: 'project',
        entityId: projectId,
        before,
        after: saved,
        reason,
      });
      if (reviewed) {
        await AuditLog.record(manager, {
          actor: { subject: actor.subject, name: actor.name },
          action: 'project.reviewed',
          entityType: 'project',
          entityId: projectId,
          after: reviewed,
        });
      }
      return saved;
    });
  }

  async getProject(projectId: string): Promise<ProjectEntity> {
    const project = await this.projects.findOneBy({ id: projectId });
    if (!project) throw new ProjectNotFoundError(projectId);
    return project;
  }

  /** The requirements in force for a project: those of every version in force for its program. */
  async requirementsOf(projectId: string): Promise<ProjectRequirementResponse[]> {
    const project = await this.getProject(projectId);
    const program = await this.dataSource.manager.findOneBy(KnownProgramEntity, { programId: project.programId });
    if (!program) return [];
    const [versions, statuses] = await Promise.all([
      this.standards.inForceFor({ programId: program.programId, tags: program.tags }),
      this.dataSource.manager.findBy(ImplementationStatusEntity, { projectId }),
    ]);
    const statusOf = (versionId: string, requirementId: string) => statuses.find((s) => s.versionId === versionId && s.requirementId === requirementId);
    return versions.flatMap((v) =>
      v.requirements.map((requirement) => ({
        implementation: statusOf(v.versionId, requirement.id)?.status ?? 'not-started',
        evidenceLinks: statusOf(v.versionId, requirement.id)?.evidenceLinks ?? [],
        requirementId: requirement.id,
        text: requirement.text,
        leeway: requirement.leeway ?? null,
        standardId: v.standardId,
        standardKey: v.key,
        versionId: v.versionId,
        version: v.version,
        level: v.level,
        appliesFrom: v.appliesFrom,
        adoptionDeadline: v.adoptionDeadline,
      })),
    );
  }
}

function checkDates(startDate: string | null, endDate: string | null): void {
  if (startDate && endDate && endDate < startDate) throw new ProjectDatesOutOfOrderError(startDate, endDate);
}
