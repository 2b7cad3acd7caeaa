import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgramsModule } from '../programs/programs.module';
import { StandardsViewModule } from '@pmo/standards-view';
import { MilestonesModule } from '../milestones/milestones.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { ProjectEntity } from './project.entity';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [StandardsViewModule, TypeOrmModule.forFeature([ProjectEntity]), ProgramsModule, ReviewsModule, MilestonesModule],
  controllers: [ProjectsController],
  providers: [ProjectsService],
  exports: [ProjectsService],
})
export class ProjectsModule {}
