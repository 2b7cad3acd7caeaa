import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StandardsViewModule } from '@pmo/standards-view';
import { ProjectsModule } from '../projects/projects.module';
import { ProgramEntity } from './program.entity';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';

@Module({
  imports: [StandardsViewModule, TypeOrmModule.forFeature([ProgramEntity]), ProjectsModule],
  controllers: [ProgramsController],
  providers: [ProgramsService],
})
export class ProgramsModule {}
