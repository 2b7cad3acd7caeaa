import { Injectable } from '@nestjs/common';
import { AccessScope, projectCodesByProgram, type Principal, type ScopedResource, type ScopeResolver } from '@pmo/auth';
import { DataSource } from 'typeorm';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import { ProgramEntity } from './program.entity';

/** Every route of program-pmo acts inside one program: what a program belongs to, for the access guard. */
@Injectable()
export class ProgramScopes implements ScopeResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(kind: string, id: string): Promise<ScopedResource | null> {
    if (kind !== 'program') throw new Error(`program-pmo has no scoped resource of kind ${kind}`);
    const program = await this.dataSource.manager.findOne(ProgramEntity, { where: { id }, select: { id: true, code: true } });
    if (!program) return null;
    const projects = await this.dataSource.manager.find(ProgramProjectEntity, { where: { programId: id }, select: { code: true } });
    return { programCode: program.code, projectCodesOfProgram: projects.map((p) => p.code) };
  }

  /** The programs the caller reaches, by name. */
  async reachablePrograms(principal: Principal): Promise<ProgramEntity[]> {
    const programs = await this.dataSource.manager.find(ProgramEntity, { order: { name: 'ASC' } });
    const scope = AccessScope.of(principal);
    if (scope.organisationWide) return programs;
    const projectCodes = projectCodesByProgram(await this.dataSource.manager.find(ProgramProjectEntity, { select: { programId: true, code: true } }));
    return programs.filter((program) => scope.reaches({ programCode: program.code, projectCodesOfProgram: projectCodes.get(program.id) }));
  }
}
