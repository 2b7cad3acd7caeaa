import { defineEvent } from '../event-definition';
import { isoDateTime, semverString, uuid } from '../standards/standard-schemas';

export const FEEDBACK_CATEGORIES = ['unclear', 'insufficient', 'conflicts-with-regulation', 'tooling', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

const actor = { type: 'object', additionalProperties: false, required: ['subject', 'name'], properties: { subject: { type: 'string', minLength: 1 }, name: { type: 'string' } } };

/** A program PMO tells the strategic PMO what does not work in a standard version. */
export interface FeedbackSubmittedV1 {
  feedbackId: string;
  programId: string;
  standardId: string;
  versionId: string;
  version: string;
  category: FeedbackCategory;
  text: string;
  about: string[];
  submittedBy: { subject: string; name: string };
  submittedAt: string;
}

export const feedbackSubmittedV1 = defineEvent<FeedbackSubmittedV1>()({
  type: 'pmo.feedback.submitted.v1',
  topic: 'pmo.feedback.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.feedbackId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/feedback-submitted.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['feedbackId', 'programId', 'standardId', 'versionId', 'version', 'category', 'text', 'about', 'submittedBy', 'submittedAt'],
    properties: {
      feedbackId: uuid,
      programId: uuid,
      standardId: uuid,
      versionId: uuid,
      version: semverString,
      category: { enum: [...FEEDBACK_CATEGORIES] },
      text: { type: 'string', minLength: 1, maxLength: 4000 },
      about: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 50 } },
      submittedBy: actor,
      submittedAt: isoDateTime,
    },
  },
});

/** The strategic PMO's triage of feedback, and its closing when the revision that answers it is published. */
export interface FeedbackTriagedV1 {
  feedbackId: string;
  programId: string;
  outcome: 'accepted' | 'declined' | 'resolved-by-variance' | 'closed';
  reason: string;
  revisionVersion: string | null;
  varianceId: string | null;
  at: string;
}

export const feedbackTriagedV1 = defineEvent<FeedbackTriagedV1>()({
  type: 'pmo.feedback.triaged.v1',
  topic: 'pmo.feedback.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.feedbackId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/feedback-triaged.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['feedbackId', 'programId', 'outcome', 'reason', 'revisionVersion', 'varianceId', 'at'],
    properties: {
      feedbackId: uuid,
      programId: uuid,
      outcome: { enum: ['accepted', 'declined', 'resolved-by-variance', 'closed'] },
      reason: { type: 'string', maxLength: 4000 },
      revisionVersion: { anyOf: [semverString, { type: 'null' }] },
      varianceId: { anyOf: [uuid, { type: 'null' }] },
      at: isoDateTime,
    },
  },
});
