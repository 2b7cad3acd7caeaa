import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { MAX_MILESTONES_PER_PROJECT, type AddMilestoneBody, type ChangeMilestoneBody } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectEntity } from '../projects/project.entity';
import { ProjectClosedError, ProjectNotFoundError } from '../projects/projects.errors';
import { MilestoneNotFoundError, TooManyMilestonesError } from './milestones.errors';
import { ProjectMilestoneEntity } from './project-milestone.entity';

/** A project's milestones and go-lives; every change sends the whole plan as `project.schedule-changed`. */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async milestonesOf(projectId: string): Promise<ProjectMilestoneEntity[]> {
    if (!(await this.dataSource.manager.existsBy(ProjectEntity, { id: projectId }))) throw new ProjectNotFoundError(projectId);
    return this.dataSource.manager.find(ProjectMilestoneEntity, { where: { projectId }, order: { dueOn: 'ASC', name: 'ASC' } });
  }

  async addMilestone(projectId: string, input: AddMilestoneBody, actor: Principal): Promise<ProjectMilestoneEntity> {
    return this.dataSource.transaction(async (manager) => {
      const project = await openProject(manager, projectId);
      if ((await manager.countBy(ProjectMilestoneEntity, { projectId })) >= MAX_MILESTONES_PER_PROJECT)
        throw new TooManyMilestonesError(projectId, MAX_MILESTONES_PER_PROJECT);
      const milestone = await manager.save(
        manager.create(ProjectMilestoneEntity, { id: randomUUID(), projectId, name: input.name, kind: input.kind ?? 'milestone', dueOn: input.dueOn }),
      );
      await this.record(manager, project, actor, 'milestone.added', milestone.id, null, milestone);
      return milestone;
    });
  }

  async changeMilestone(projectId: string, milestoneId: string, input: ChangeMilestoneBody, actor: Principal): Promise<ProjectMilestoneEntity> {
    return this.dataSource.transaction(async (manager) => {
      const project = await openProject(manager, projectId);
      const milestone = await manager.findOneBy(ProjectMilestoneEntity, { id: milestoneId, projectId });
      if (!milestone) throw new MilestoneNotFoundError(projectId, milestoneId);
      const before = { ...milestone };
      const saved = await manager.save(Object.assign(milestone, input));
      await this.record(manager, project, actor, 'milestone.changed', milestoneId, before, saved);
      return saved;
    });
  }

  async removeMilestone(projectId: string, milestoneId: string, actor: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const project = await openProject(manager, projectId);
      const milestone = await manager.findOneBy(ProjectMilestoneEntity, { id: milestoneId, projectId });
      if (!milestone) throw new MilestoneNotFoundError(projectId, milestoneId);
      await manager.delete(ProjectMilestoneEntity, { id: milestoneId });
      await this.record(manager, project, actor, 'milestone.removed', milestoneId, milestone, null);
    });
  }

  /** Adds `project.schedule-changed` with the plan as it now stands, inside the caller's transaction. */
  async announceSchedule(manager: EntityManager, project: ProjectEntity): Promise<void> {
    const milestones = await manager.find(ProjectMilestoneEntity, { where: { projectId: project.id }, order: { dueOn: 'ASC', name: 'ASC' } });
    await this.outbox.add(manager, 'pmo.project.schedule-changed.v1', {
      projectId: project.id,
      programId: project.programId,
      startDate: project.startDate,
      endDate: project.endDate,
      milestones: milestones.map((m) => ({ milestoneId: m.id, name: m.name, kind: m.kind, dueOn: m.dueOn })),
      changedAt: this.clock.now().toISOString(),
    });
  }

  private async record(
    manager: EntityManager,
    project: ProjectEntity,
    actor: Principal,
    action: string,
    milestoneId: string,
    before: ProjectMilestoneEntity | null,
    after: ProjectMilestoneEntity | null,
  ): Promise<void> {
    await this.announceSchedule(manager, project);
    await AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action,
      entityType: 'project-milestone',
      entityId: milestoneId,
      before,
      after,
    });
  }
}

// The project row is locked so that two changes to one plan announce it in the order they committed.
async function openProject(manager: EntityManager, projectId: string): Promise<ProjectEntity> {
  const project = await manager.findOne(ProjectEntity, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
  if (!project) throw new ProjectNotFoundError(projectId);
  if (project.closedAt) throw new ProjectClosedError(projectId);
  return project;
}
