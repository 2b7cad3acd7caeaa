import { defineEvent } from '../event-definition';
import { isoDate, isoDateTime, semverString, tagList, uuid } from './standard-schemas';

/**
 * A wave of a rollout opened: the programs it names (by id or by tag) must adopt the version by the
 * deadline. Program PMOs decide from the selector whether it covers their program.
 */
export interface RolloutWaveOpenedV1 {
  standardId: string;
  versionId: string;
  version: string;
  waveName: string;
  programIds: string[];
  programTags: string[];
  opensOn: string;
  adoptionDeadline: string;
  openedAt: string;
}

export const rolloutWaveOpenedV1 = defineEvent<RolloutWaveOpenedV1>()({
  type: 'pmo.rollout.wave-opened.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/rollout-wave-opened.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['standardId', 'versionId', 'version', 'waveName', 'programIds', 'programTags', 'opensOn', 'adoptionDeadline', 'openedAt'],
    properties: {
      standardId: uuid,
      versionId: uuid,
      version: semverString,
      waveName: { type: 'string', minLength: 1, maxLength: 100 },
      programIds: { type: 'array', maxItems: 500, items: uuid },
      programTags: tagList,
      opensOn: isoDate,
      adoptionDeadline: isoDate,
      openedAt: isoDateTime,
    },
  },
});
