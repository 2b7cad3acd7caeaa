import { Module } from '@nestjs/common';
import { CommitteeMeetingSource } from './committee-meeting.source';
import { ROADMAP_SOURCES, type RoadmapSource } from './roadmap-entry';
import { ProjectPlanSource } from './project-plan.source';
import { RoadmapController } from './roadmap.controller';
import { RoadmapEvents } from './roadmap.events';
import { RoadmapService } from './roadmap.service';
import { RolloutSource } from './rollout.source';

// The roadmap's sources, merged in date order; a new one is one more class here.
const SOURCES = [ProjectPlanSource, RolloutSource, CommitteeMeetingSource];

@Module({
  controllers: [RoadmapController, RoadmapEvents],
  providers: [...SOURCES, { provide: ROADMAP_SOURCES, useFactory: (...sources: RoadmapSource[]) => sources, inject: SOURCES }, RoadmapService],
})
export class RoadmapModule {}
