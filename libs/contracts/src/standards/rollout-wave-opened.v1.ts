import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDate, isoDateTime, semverString, tagList, uuid } from '../schemas';

const rolloutWaveOpenedV1Schema = closedObject(
  {
    standardId: uuid,
    versionId: uuid,
    version: semverString,
    waveName: Type.String({ minLength: 1, maxLength: 100 }),
    programIds: Type.Array(uuid, { maxItems: 500 }),
    programTags: tagList,
    opensOn: isoDate,
    adoptionDeadline: isoDate,
    openedAt: isoDateTime,
  },
  eventSchemaOptions('rollout-wave-opened.v1'),
);

/**
 * A wave of a rollout opened: the programs it names (by id or by tag) must adopt the version by the
 * deadline. Program PMOs decide from the selector whether it covers their program.
 */
export type RolloutWaveOpenedV1 = Static<typeof rolloutWaveOpenedV1Schema>;

export const rolloutWaveOpenedV1 = defineEvent<RolloutWaveOpenedV1>()({
  type: 'pmo.rollout.wave-opened.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: rolloutWaveOpenedV1Schema,
});
