import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, eventSchemaOptions, isoDateTime, semverString, stringEnum, uuid } from '../schemas';
import { ADOPTION_DECISIONS } from '../compliance/compliance-state';
import { reopenedRequirementSchema } from './carry-forward';

/** For `tailor`: the value chosen per requirement id, inside its leeway. */
export const adoptionChoices = Type.Record(Type.String(), Type.Union([Type.Number(), Type.String({ maxLength: 100 })]), { maxProperties: 200 });

export const adoptionDecidedV1Schema = closedObject(
  {
    decisionId: uuid,
    programId: uuid,
    projectId: uuid,
    standardId: uuid,
    versionId: uuid,
    version: semverString,
    decision: stringEnum(ADOPTION_DECISIONS),
    choices: adoptionChoices,
    reason: Type.String({ maxLength: 2000 }),
    actor,
    decidedAt: isoDateTime,
    /** Set when the decision was carried from the version it was taken on to the one that superseded it (rule 7). */
    carriedFrom: Type.Optional(closedObject({ decisionId: uuid, versionId: uuid, version: semverString })),
    /** The requirements the decision does not cover, each with its reason; while any is listed the project is pending. */
    reopened: Type.Optional(Type.Array(reopenedRequirementSchema, { maxItems: 500 })),
  },
  eventSchemaOptions('adoption-decided.v1'),
);

/** A program PMO decided how one project takes up one standard version; a later decision supersedes it. */
export type AdoptionDecidedV1 = Static<typeof adoptionDecidedV1Schema>;

export const adoptionDecidedV1 = defineEvent<AdoptionDecidedV1>()({
  type: 'pmo.adoption.decided.v1',
  topic: 'pmo.adoptions.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: adoptionDecidedV1Schema,
});
