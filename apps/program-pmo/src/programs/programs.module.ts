import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StandardsViewModule } from '@pmo/standards-view';
import { AdoptionsModule } from '../adoptions/adoptions.module';
import { ProjectsModule } from '../projects/projects.module';
import { SCOPE_RESOLVER } from '@pmo/auth';
import { ProgramEntity } from './program.entity';
import { ProgramScopes } from './program-scopes';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';

@Module({
  imports: [StandardsViewModule, TypeOrmModule.forFeature([ProgramEntity]), ProjectsModule, AdoptionsModule],
  controllers: [ProgramsController],
  providers: [ProgramsService, ProgramScopes, { provide: SCOPE_RESOLVER, useExisting: ProgramScopes }],
})
export class ProgramsModule {}
