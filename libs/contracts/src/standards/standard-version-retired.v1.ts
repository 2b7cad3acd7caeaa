import { defineEvent } from '../event-definition';
import { isoDateTime, semverString, uuid } from './standard-schemas';

/** A published version was withdrawn without a successor: it no longer applies anywhere. */
export interface StandardVersionRetiredV1 {
  standardId: string;
  versionId: string;
  version: string;
  reason: string;
  retiredAt: string;
}

export const standardVersionRetiredV1 = defineEvent<StandardVersionRetiredV1>()({
  type: 'pmo.standard.version-retired.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/standard-version-retired.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['standardId', 'versionId', 'version', 'reason', 'retiredAt'],
    properties: { standardId: uuid, versionId: uuid, version: semverString, reason: { type: 'string', maxLength: 2000 }, retiredAt: isoDateTime },
  },
});
