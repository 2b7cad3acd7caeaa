import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { FEEDBACK_CATEGORIES } from '../feedback/feedback-events.v1';
import { actor, closedObject, eventSchemaOptions, isoDateTime, semverString, stringEnum, uuid } from '../schemas';

const lessonSentAsFeedbackV1Schema = closedObject(
  {
    feedbackId: uuid,
    projectId: uuid,
    programId: uuid,
    lessonId: uuid,
    standardId: uuid,
    versionId: uuid,
    version: semverString,
    category: stringEnum(FEEDBACK_CATEGORIES),
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    about: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 }),
    sentBy: actor,
    sentAt: isoDateTime,
  },
  eventSchemaOptions('lesson-sent-as-feedback.v1'),
);

/**
 * A lesson of a closed project's post-implementation review, sent to the strategic PMO as feedback on the
 * standard version it concerns; `projectId` and `lessonId` keep the feedback linked to where it was learned.
 */
export type LessonSentAsFeedbackV1 = Static<typeof lessonSentAsFeedbackV1Schema>;

export const lessonSentAsFeedbackV1 = defineEvent<LessonSentAsFeedbackV1>()({
  type: 'pmo.project.lesson-sent-as-feedback.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: lessonSentAsFeedbackV1Schema,
});
