import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { anyObject, closedObject, eventSchemaOptions, isoDate, isoDateTime, semverString, standardKey, stringEnum, uuid } from '../schemas';
import { STANDARD_KINDS, STANDARD_LEVELS } from './standard-model';
import { requirementChangeSchema } from './requirement-change';
import { applicabilitySchema, requirementSchema, rolloutWaveSchema } from './standard-schemas';

export type RolloutWaveV1 = Static<typeof rolloutWaveSchema>;

export const standardVersionPublishedV1Schema = closedObject(
  {
    standardId: uuid,
    key: standardKey,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: stringEnum(STANDARD_KINDS),
    level: stringEnum(STANDARD_LEVELS),
    versionId: uuid,
    version: semverString,
    effectiveDate: isoDate,
    adoptionDeadline: isoDate,
    applicability: applicabilitySchema,
    requirements: Type.Array(requirementSchema, { maxItems: 500 }),
    rollout: Type.Array(rolloutWaveSchema, { minItems: 1, maxItems: 50 }),
    /** A report format's JSON Schema, so project PMOs validate their status reports against it. */
    reportSchema: Type.Optional(anyObject),
    publishedAt: isoDateTime,
    /**
     * The versions this one supersedes, each with its requirements' changes as the version diff classified them,
     * so a program carries its projects' decisions over to this version (rule 7).
     */
    supersedes: Type.Optional(
      Type.Array(closedObject({ versionId: uuid, version: semverString, requirementChanges: Type.Array(requirementChangeSchema, { maxItems: 1000 }) }), {
        maxItems: 50,
      }),
    ),
  },
  eventSchemaOptions('standard-version-published.v1'),
);

/** The strategic PMO published a version of a standard, with the plan of waves that rolls it out. */
export type StandardVersionPublishedV1 = Static<typeof standardVersionPublishedV1Schema>;

export const standardVersionPublishedV1 = defineEvent<StandardVersionPublishedV1>()({
  type: 'pmo.standard.version-published.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: standardVersionPublishedV1Schema,
});
