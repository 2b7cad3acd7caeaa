import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProjectClosedV1, ProjectRegisteredV1, ProjectUpdatedV1 } from '@pmo/contracts';
import { Repository, type EntityManager } from 'typeorm';
import { ProgramProjectEntity } from './program-project.entity';

@Injectable()
export class ProgramProjectsService {
  constructor(@InjectRepository(ProgramProjectEntity) private readonly projects: Repository<ProgramProjectEntity>) {}

  /** Adds a registered project to its program's list (runs in the event's inbox transaction). */
  async recordProjectRegistered(manager: EntityManager, event: ProjectRegisteredV1): Promise<void> {
    await manager.upsert(
      ProgramProjectEntity,
      {
        projectId: event.projectId,
        programId: event.programId,
        code: event.code ?? event.projectId,
        name: event.name,
        phase: event.phase,
        // Early events carry no progress: the column's default (0) stands.
        ...(event.percentComplete !== undefined && { percentComplete: event.percentComplete }),
        tags: event.tags,
        registeredAt: new Date(event.registeredAt),
      },
      ['projectId'],
    );
  }

  /** Keeps the project's phase, progress and tags (runs in the event's inbox transaction). */
  async recordProjectUpdated(manager: EntityManager, event: ProjectUpdatedV1): Promise<void> {
    await manager.update(
      ProgramProjectEntity,
      { projectId: event.projectId },
      { name: event.name, phase: event.phase, percentComplete: event.percentComplete, tags: event.tags },
    );
  }

  async recordProjectClosed(manager: EntityManager, event: ProjectClosedV1): Promise<void> {
    await manager.update(ProgramProjectEntity, { projectId: event.projectId }, { closedAt: new Date(event.closedAt) });
  }

  listProjectsOf(programId: string): Promise<ProgramProjectEntity[]> {
    return this.projects.find({ where: { programId }, order: { registeredAt: 'ASC' } });
  }
}
