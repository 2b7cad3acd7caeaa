import { Type, type Static } from '@sinclair/typebox';
import { closedObject, stringEnum } from '../schemas';
import { feedbackSubmittedV1Schema, feedbackTriagedV1Schema } from './feedback-events.v1';

const submitted = feedbackSubmittedV1Schema.properties;

/** POST /programs/{id}/feedback: what becomes `feedback.submitted`. */
export const submitFeedbackBody = closedObject({
  versionId: { ...submitted.versionId, description: 'The standard version the feedback is about (known to the program)' },
  category: submitted.category,
  text: { ...submitted.text, example: 'The life-cycle methodology does not meet our regulator’s demands on independent review' },
  about: Type.Optional({ ...submitted.about, description: 'Requirement ids or key tasks (e.g. 3.1) it is about', example: ['3.1'] }),
});
export type SubmitFeedbackBody = Static<typeof submitFeedbackBody>;

const triaged = feedbackTriagedV1Schema.properties;

/** What each outcome must name; `then` of an if on the outcome. */
function requiredWhen(outcome: string, field: 'reason' | 'revisionVersion' | 'varianceId', when: string) {
  return {
    if: { type: 'object', properties: { outcome: { const: outcome } }, required: ['outcome'] },
    then: { type: 'object', properties: { [field]: Type.String() }, required: [field], errorMessage: `is required when ${when}` },
  };
}

/** POST /feedback/{id}/triage: what becomes `feedback.triaged` (closing is the platform's, not a caller's). */
export const triageFeedbackBody = closedObject(
  {
    outcome: stringEnum(['accepted', 'declined', 'resolved-by-variance'] as const),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: triaged.reason.maxLength, description: 'Required when declined' })),
    revisionVersion: Type.Optional({
      ...triaged.revisionVersion.anyOf[0],
      description: 'accepted: the planned revision, a draft version of the same standard',
      example: '1.1.0',
    }),
    varianceId: Type.Optional({ ...triaged.varianceId.anyOf[0], description: 'resolved-by-variance: the variance that answers it' }),
  },
  {
    allOf: [
      requiredWhen('declined', 'reason', 'the feedback is declined'),
      requiredWhen('accepted', 'revisionVersion', 'accepted'),
      requiredWhen('resolved-by-variance', 'varianceId', 'resolved-by-variance'),
    ],
  },
);
export type TriageFeedbackBody = Static<typeof triageFeedbackBody>;
