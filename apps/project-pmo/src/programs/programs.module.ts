import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SCOPE_RESOLVER } from '@pmo/auth';
import { KnownProgramEntity } from './known-program.entity';
import { ProjectScopes } from './project-scopes';
import { ProgramsController } from './programs.controller';
import { ProgramsEvents } from './programs.events';

@Module({
  imports: [TypeOrmModule.forFeature([KnownProgramEntity])],
  controllers: [ProgramsController, ProgramsEvents],
  providers: [ProjectScopes, { provide: SCOPE_RESOLVER, useExisting: ProjectScopes }],
  exports: [ProjectScopes],
})
export class ProgramsModule {}
