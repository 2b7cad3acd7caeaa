import type { Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, semverString, uuid } from '../schemas';

const standardVersionSupersededV1Schema = closedObject(
  { standardId: uuid, versionId: uuid, version: semverString, supersededByVersionId: uuid, supersededByVersion: semverString, supersededAt: isoDateTime },
  eventSchemaOptions('standard-version-superseded.v1'),
);

/** A published version was replaced by a newer published version of the same standard. */
export type StandardVersionSupersededV1 = Static<typeof standardVersionSupersededV1Schema>;

export const standardVersionSupersededV1 = defineEvent<StandardVersionSupersededV1>()({
  type: 'pmo.standard.version-superseded.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: standardVersionSupersededV1Schema,
});
