import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgramProjectEntity } from './program-project.entity';
import { ProgramProjectsService } from './program-projects.service';
import { ProjectsEvents } from './projects.events';

@Module({
  imports: [TypeOrmModule.forFeature([ProgramProjectEntity])],
  controllers: [ProjectsEvents],
  providers: [ProgramProjectsService],
  exports: [ProgramProjectsService],
})
export class ProjectsModule {}
