import { defineEvent } from '../event-definition';
import { isoDateTime, semverString, uuid } from './standard-schemas';

/** A published version was replaced by a newer published version of the same standard. */
export interface StandardVersionSupersededV1 {
  standardId: string;
  versionId: string;
  version: string;
  supersededByVersionId: string;
  supersededByVersion: string;
  supersededAt: string;
}

export const standardVersionSupersededV1 = defineEvent<StandardVersionSupersededV1>()({
  type: 'pmo.standard.version-superseded.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/standard-version-superseded.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['standardId', 'versionId', 'version', 'supersededByVersionId', 'supersededByVersion', 'supersededAt'],
    properties: { standardId: uuid, versionId: uuid, version: semverString, supersededByVersionId: uuid, supersededByVersion: semverString, supersededAt: isoDateTime },
  },
});
