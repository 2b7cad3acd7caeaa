import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  StandardVariancePolicySetV1,
  VarianceConditionMetV1,
  VarianceConditionsOverdueV1,
  VarianceDecidedV1,
  VarianceEscalatedV1,
  VarianceExpiredV1,
  VarianceProposedV1,
  VarianceReviewedV1,
  VarianceReviewNeededV1,
} from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { VarianceOutcomesService } from './variance-outcomes.service';
import { VarianceProposalsService } from './variance-proposals.service';

@Controller()
export class VariancesEvents {
  constructor(
    private readonly outcomes: VarianceOutcomesService,
    private readonly proposals: VarianceProposalsService,
  ) {}

  @EventPattern('pmo.variance.proposed.v1')
  onVarianceProposed(@Payload() event: VarianceProposedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.proposals.recordProposal(context.manager, event);
  }

  @EventPattern('pmo.variance.decided.v1')
  onVarianceDecided(@Payload() event: VarianceDecidedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordDecision(context.manager, event);
  }

  @EventPattern('pmo.variance.expired.v1')
  onVarianceExpired(@Payload() event: VarianceExpiredV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordExpiry(context.manager, event);
  }

  @EventPattern('pmo.variance.escalated.v1')
  onVarianceEscalated(@Payload() event: VarianceEscalatedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordEscalation(context.manager, event);
  }

  @EventPattern('pmo.variance.condition-met.v1')
  onConditionMet(@Payload() event: VarianceConditionMetV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordConditionMet(context.manager, event);
  }

  @EventPattern('pmo.variance.conditions-overdue.v1')
  onConditionsOverdue(@Payload() event: VarianceConditionsOverdueV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordConditionsOverdue(context.manager, event);
  }

  @EventPattern('pmo.variance.review-needed.v1')
  onReviewNeeded(@Payload() event: VarianceReviewNeededV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordReviewNeeded(context.manager, event);
  }

  @EventPattern('pmo.variance.reviewed.v1')
  onReviewed(@Payload() event: VarianceReviewedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordReview(context.manager, event);
  }

  @EventPattern('pmo.standard.variance-policy-set.v1')
  onVariancePolicySet(@Payload() event: StandardVariancePolicySetV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.outcomes.recordPolicy(context.manager, event);
  }
}
