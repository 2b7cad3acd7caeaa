import { Type, type Static } from '@sinclair/typebox';
import { FEEDBACK_CATEGORIES, feedbackSubmittedV1Schema } from '../feedback/feedback-events.v1';
import { closedObject, stringEnum, uuid } from '../schemas';

/** What a lesson is about, in the areas a post-implementation review goes through. */
export const LESSON_CATEGORIES = ['scope', 'schedule', 'cost', 'quality', 'risk', 'stakeholders', 'resourcing', 'methodology', 'tooling', 'other'] as const;
export type LessonCategory = (typeof LESSON_CATEGORIES)[number];

/** How what was delivered compares with what the project set out to deliver. */
export const DELIVERY_OUTCOMES = ['delivered-as-planned', 'delivered-with-changes', 'partly-delivered', 'not-delivered'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

const lesson = closedObject({
  category: stringEnum(LESSON_CATEGORIES, { description: 'The area the lesson is about' }),
  whatHappened: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'What happened',
    example: 'The cut-over rehearsal found the reconciliation reports late',
  }),
  recommendation: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'What to do next time',
    example: 'Rehearse the reconciliation before the first cut-over window',
  }),
  versionId: Type.Optional({ ...uuid, description: 'The standard version (methodology) it concerns; needed to send it upward as feedback' }),
  about: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50, description: 'Requirement ids or key tasks of that version', example: ['3.1'] }),
  ),
});
export type LessonInput = Static<typeof lesson>;

/** The post-implementation review taken when a project closes. */
export const projectReviewBody = closedObject({
  outcome: stringEnum(DELIVERY_OUTCOMES, { description: 'What was delivered against what the project set out to deliver' }),
  delivered: Type.String({ minLength: 1, maxLength: 4000, description: 'What was delivered', example: 'Ledger migrated; 3 of 4 legacy interfaces retired' }),
  objective: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'The scope or objective it is measured against',
      example: 'Move the general ledger to the new platform',
    }),
  ),
  lessons: Type.Array(lesson, { maxItems: 50, description: 'Lessons learned' }),
});
export type ProjectReviewBody = Static<typeof projectReviewBody>;

/** POST /projects/{id}/review/lessons/{lessonId}/send-as-feedback: the feedback category the strategic PMO triages under. */
export const sendLessonAsFeedbackBody = closedObject({
  category: { ...feedbackSubmittedV1Schema.properties.category, description: 'Feedback category', example: FEEDBACK_CATEGORIES[1] },
});
export type SendLessonAsFeedbackBody = Static<typeof sendLessonAsFeedbackBody>;
