import { Injectable } from '@nestjs/common';
import { AccessScope, projectCodesByProgram, type Principal, type ScopedResource, type ScopeResolver } from '@pmo/auth';
import { DataSource } from 'typeorm';
import { ProjectEntity } from '../projects/project.entity';
import { KnownProgramEntity } from './known-program.entity';

/** What project-pmo's programs and projects belong to, for the access guard and the lists. */
@Injectable()
export class ProjectScopes implements ScopeResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(kind: string, id: string): Promise<ScopedResource | null> {
    if (kind === 'program') {
      const program = await this.dataSource.manager.findOneBy(KnownProgramEntity, { programId: id });
      if (!program) return null;
      const projects = await this.dataSource.manager.find(ProjectEntity, { where: { programId: id }, select: { code: true } });
      return { programCode: program.code, projectCodesOfProgram: projects.map((p) => p.code) };
    }
    if (kind === 'project') {
      const project = await this.dataSource.manager.findOne(ProjectEntity, { where: { id }, select: { id: true, code: true, programId: true } });
      if (!project) return null;
      const program = await this.dataSource.manager.findOneBy(KnownProgramEntity, { programId: project.programId });
      return { programCode: program?.code ?? project.programId, projectCode: project.code };
    }
    throw new Error(`project-pmo has no scoped resource of kind ${kind}`);
  }

  /** Whether the caller reaches a project of this program with this code (to register it). */
  async reachesNewProject(principal: Principal, programId: string, projectCode: string): Promise<boolean> {
    const program = await this.dataSource.manager.findOneBy(KnownProgramEntity, { programId });
    return AccessScope.of(principal).reaches({ programCode: program?.code ?? programId, projectCode });
  }

  async reachablePrograms(principal: Principal): Promise<KnownProgramEntity[]> {
    const programs = await this.dataSource.manager.find(KnownProgramEntity, { order: { name: 'ASC' } });
    const scope = AccessScope.of(principal);
    if (scope.organisationWide) return programs;
    const projectCodes = projectCodesByProgram(await this.dataSource.manager.find(ProjectEntity, { select: { programId: true, code: true } }));
    return programs.filter((program) => scope.reaches({ programCode: program.code, projectCodesOfProgram: projectCodes.get(program.programId) }));
  }

  async reachableProjects(principal: Principal): Promise<ProjectEntity[]> {
    const projects = await this.dataSource.manager.find(ProjectEntity, { order: { registeredAt: 'ASC' } });
    const scope = AccessScope.of(principal);
    if (scope.organisationWide) return projects;
    const programs = new Map((await this.dataSource.manager.find(KnownProgramEntity)).map((p) => [p.programId, p.code]));
    return projects.filter((project) => scope.reaches({ programCode: programs.get(project.programId) ?? project.programId, projectCode: project.code }));
  }
}
