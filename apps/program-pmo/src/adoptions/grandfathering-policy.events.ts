import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { StandardGrandfatheringPolicySetV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { GrandfatheringPoliciesService } from './grandfathering-policies.service';

@Controller()
export class GrandfatheringPolicyEvents {
  constructor(private readonly policies: GrandfatheringPoliciesService) {}

  @EventPattern('pmo.standard.grandfathering-policy-set.v1')
  onGrandfatheringPolicySet(@Payload() event: StandardGrandfatheringPolicySetV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.policies.record(context.manager, event);
  }
}
