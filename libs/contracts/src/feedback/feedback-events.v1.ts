import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, eventSchemaOptions, isoDateTime, semverString, stringEnum, uuid } from '../schemas';

export const FEEDBACK_CATEGORIES = ['unclear', 'insufficient', 'conflicts-with-regulation', 'tooling', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const feedbackSubmittedV1Schema = closedObject(
  {
    feedbackId: uuid,
    programId: uuid,
    standardId: uuid,
    versionId: uuid,
    version: semverString,
    category: stringEnum(FEEDBACK_CATEGORIES),
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    about: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 }),
    submittedBy: actor,
    submittedAt: isoDateTime,
  },
  eventSchemaOptions('feedback-submitted.v1'),
);

/** A program PMO tells the strategic PMO what does not work in a standard version. */
export type FeedbackSubmittedV1 = Static<typeof feedbackSubmittedV1Schema>;

export const feedbackSubmittedV1 = defineEvent<FeedbackSubmittedV1>()({
  type: 'pmo.feedback.submitted.v1',
  topic: 'pmo.feedback.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.feedbackId,
  schema: feedbackSubmittedV1Schema,
});

const FEEDBACK_OUTCOMES = ['accepted', 'declined', 'resolved-by-variance', 'closed'] as const;

export const feedbackTriagedV1Schema = closedObject(
  {
    feedbackId: uuid,
    programId: uuid,
    outcome: stringEnum(FEEDBACK_OUTCOMES),
    reason: Type.String({ maxLength: 4000 }),
    revisionVersion: Type.Union([semverString, Type.Null()]),
    varianceId: Type.Union([uuid, Type.Null()]),
    at: isoDateTime,
  },
  eventSchemaOptions('feedback-triaged.v1'),
);

/** The strategic PMO's triage of feedback, and its closing when the revision that answers it is published. */
export type FeedbackTriagedV1 = Static<typeof feedbackTriagedV1Schema>;

export const feedbackTriagedV1 = defineEvent<FeedbackTriagedV1>()({
  type: 'pmo.feedback.triaged.v1',
  topic: 'pmo.feedback.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.feedbackId,
  schema: feedbackTriagedV1Schema,
});
