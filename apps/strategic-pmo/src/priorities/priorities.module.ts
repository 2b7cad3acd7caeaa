import { Module } from '@nestjs/common';
import { PrioritiesController } from './priorities.controller';
import { PrioritiesService } from './priorities.service';
import { PriorityPolicies } from './priority-policies';
import { PriorityRankings } from './priority-rankings';
import { PriorityRequestsService } from './priority-requests.service';

/** Project priorities under the priority policy; exports the requests service a steering committee decides through. */
@Module({
  controllers: [PrioritiesController],
  providers: [PrioritiesService, PriorityRequestsService, PriorityPolicies, PriorityRankings],
  exports: [PriorityRequestsService],
})
export class PrioritiesModule {}
