import type { EventDefinition } from './event-definition';
import { programRegisteredV1, type ProgramRegisteredV1 } from './programs/program-registered.v1';
import { adoptionDecidedV1, type AdoptionDecidedV1 } from './adoptions/adoption-decided.v1';
import { adoptionOverdueV1, type AdoptionOverdueV1 } from './adoptions/adoption-overdue.v1';
import { feedbackSubmittedV1, feedbackTriagedV1, type FeedbackSubmittedV1, type FeedbackTriagedV1 } from './feedback/feedback-events.v1';
import { varianceDecidedV1, type VarianceDecidedV1 } from './variances/variance-decided.v1';
import { varianceEscalatedV1, type VarianceEscalatedV1 } from './variances/variance-escalated.v1';
import { varianceExpiredV1, type VarianceExpiredV1 } from './variances/variance-expired.v1';
import { varianceRequestedV1, type VarianceRequestedV1 } from './variances/variance-requested.v1';
import {
  varianceProposalAnsweredV1,
  varianceProposedV1,
  type VarianceProposalAnsweredV1,
  type VarianceProposedV1,
} from './variances/variance-proposal-events.v1';
import { varianceWithdrawnV1, type VarianceWithdrawnV1 } from './variances/variance-withdrawn.v1';
import {
  varianceConditionMetV1,
  varianceConditionsOverdueV1,
  type VarianceConditionMetV1,
  type VarianceConditionsOverdueV1,
} from './variances/variance-condition-events.v1';
import { varianceReviewedV1, varianceReviewNeededV1, type VarianceReviewedV1, type VarianceReviewNeededV1 } from './variances/variance-review-events.v1';
import {
  varianceRenewalDecidedV1,
  varianceRenewalRequestedV1,
  type VarianceRenewalDecidedV1,
  type VarianceRenewalRequestedV1,
} from './variances/variance-renewal-events.v1';
import { standardGrandfatheringPolicySetV1, type StandardGrandfatheringPolicySetV1 } from './standards/standard-grandfathering-policy-set.v1';
import { standardVariancePolicySetV1, type StandardVariancePolicySetV1 } from './standards/standard-variance-policy-set.v1';
import { projectRegisteredV1, type ProjectRegisteredV1 } from './projects/project-registered.v1';
import { implementationStatusChangedV1, type ImplementationStatusChangedV1 } from './projects/implementation-status-changed.v1';
import { projectClosedV1, type ProjectClosedV1 } from './projects/project-closed.v1';
import { lessonSentAsFeedbackV1, type LessonSentAsFeedbackV1 } from './projects/lesson-sent-as-feedback.v1';
import { projectScheduleChangedV1, type ProjectScheduleChangedV1 } from './projects/project-schedule-changed.v1';
import { projectUpdatedV1, type ProjectUpdatedV1 } from './projects/project-updated.v1';
import { statusReportSubmittedV1, type StatusReportSubmittedV1 } from './reports/status-report-submitted.v1';
import { rolloutWaveOpenedV1, type RolloutWaveOpenedV1 } from './standards/rollout-wave-opened.v1';
import { standardVersionPublishedV1, type StandardVersionPublishedV1 } from './standards/standard-version-published.v1';
import { standardVersionRetiredV1, type StandardVersionRetiredV1 } from './standards/standard-version-retired.v1';
import { standardVersionSupersededV1, type StandardVersionSupersededV1 } from './standards/standard-version-superseded.v1';

/** Event type → payload. A producer or handler with the wrong payload for a type does not compile. */
export interface PmoEventMap {
  'pmo.program.registered.v1': ProgramRegisteredV1;
  'pmo.project.registered.v1': ProjectRegisteredV1;
  'pmo.standard.version-published.v1': StandardVersionPublishedV1;
  'pmo.standard.version-superseded.v1': StandardVersionSupersededV1;
  'pmo.standard.version-retired.v1': StandardVersionRetiredV1;
  'pmo.rollout.wave-opened.v1': RolloutWaveOpenedV1;
  'pmo.project.updated.v1': ProjectUpdatedV1;
  'pmo.adoption.decided.v1': AdoptionDecidedV1;
  'pmo.status-report.submitted.v1': StatusReportSubmittedV1;
  'pmo.implementation.status-changed.v1': ImplementationStatusChangedV1;
  'pmo.project.closed.v1': ProjectClosedV1;
  'pmo.adoption.overdue.v1': AdoptionOverdueV1;
  'pmo.variance.requested.v1': VarianceRequestedV1;
  'pmo.variance.decided.v1': VarianceDecidedV1;
  'pmo.variance.expired.v1': VarianceExpiredV1;
  'pmo.variance.escalated.v1': VarianceEscalatedV1;
  'pmo.variance.proposed.v1': VarianceProposedV1;
  'pmo.variance.proposal-answered.v1': VarianceProposalAnsweredV1;
  'pmo.variance.withdrawn.v1': VarianceWithdrawnV1;
  'pmo.variance.condition-met.v1': VarianceConditionMetV1;
  'pmo.variance.conditions-overdue.v1': VarianceConditionsOverdueV1;
  'pmo.variance.review-needed.v1': VarianceReviewNeededV1;
  'pmo.variance.reviewed.v1': VarianceReviewedV1;
  'pmo.variance.renewal-requested.v1': VarianceRenewalRequestedV1;
  'pmo.variance.renewal-decided.v1': VarianceRenewalDecidedV1;
  'pmo.standard.variance-policy-set.v1': StandardVariancePolicySetV1;
  'pmo.standard.grandfathering-policy-set.v1': StandardGrandfatheringPolicySetV1;
  'pmo.feedback.submitted.v1': FeedbackSubmittedV1;
  'pmo.feedback.triaged.v1': FeedbackTriagedV1;
  'pmo.project.lesson-sent-as-feedback.v1': LessonSentAsFeedbackV1;
  'pmo.project.schedule-changed.v1': ProjectScheduleChangedV1;
}

export type PmoEventType = keyof PmoEventMap;

type Catalog = { [T in PmoEventType]: EventDefinition<T, PmoEventMap[T]> };

/**
 * Every event the platform knows; adding an event type means adding it here (see CONTRIBUTING.md), and
 * `npm run docs:events` writes docs/events.md and docs/asyncapi.yaml from it.
 */
export const EVENT_CATALOG: Catalog = {
  'pmo.program.registered.v1': programRegisteredV1,
  'pmo.project.registered.v1': projectRegisteredV1,
  'pmo.standard.version-published.v1': standardVersionPublishedV1,
  'pmo.standard.version-superseded.v1': standardVersionSupersededV1,
  'pmo.standard.version-retired.v1': standardVersionRetiredV1,
  'pmo.rollout.wave-opened.v1': rolloutWaveOpenedV1,
  'pmo.project.updated.v1': projectUpdatedV1,
  'pmo.adoption.decided.v1': adoptionDecidedV1,
  'pmo.status-report.submitted.v1': statusReportSubmittedV1,
  'pmo.implementation.status-changed.v1': implementationStatusChangedV1,
  'pmo.project.closed.v1': projectClosedV1,
  'pmo.adoption.overdue.v1': adoptionOverdueV1,
  'pmo.variance.requested.v1': varianceRequestedV1,
  'pmo.variance.decided.v1': varianceDecidedV1,
  'pmo.variance.expired.v1': varianceExpiredV1,
  'pmo.variance.escalated.v1': varianceEscalatedV1,
  'pmo.variance.proposed.v1': varianceProposedV1,
  'pmo.variance.proposal-answered.v1': varianceProposalAnsweredV1,
  'pmo.variance.withdrawn.v1': varianceWithdrawnV1,
  'pmo.variance.condition-met.v1': varianceConditionMetV1,
  'pmo.variance.conditions-overdue.v1': varianceConditionsOverdueV1,
  'pmo.variance.review-needed.v1': varianceReviewNeededV1,
  'pmo.variance.reviewed.v1': varianceReviewedV1,
  'pmo.variance.renewal-requested.v1': varianceRenewalRequestedV1,
  'pmo.variance.renewal-decided.v1': varianceRenewalDecidedV1,
  'pmo.standard.variance-policy-set.v1': standardVariancePolicySetV1,
  'pmo.standard.grandfathering-policy-set.v1': standardGrandfatheringPolicySetV1,
  'pmo.feedback.submitted.v1': feedbackSubmittedV1,
  'pmo.feedback.triaged.v1': feedbackTriagedV1,
  'pmo.project.lesson-sent-as-feedback.v1': lessonSentAsFeedbackV1,
  'pmo.project.schedule-changed.v1': projectScheduleChangedV1,
};

export function eventDefinitionOf(type: string): EventDefinition<string, unknown> | undefined {
  return (EVENT_CATALOG as Record<string, EventDefinition<string, unknown>>)[type];
}

/** The platform's topics, one per domain and major version. */
export const PLATFORM_TOPICS: readonly string[] = [...new Set(Object.values(EVENT_CATALOG).map((d) => d.topic))].sort();

/** Each topic has a dead-letter topic for messages that cannot be parsed or fail their schema. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
