import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, semverString, uuid } from '../schemas';

const standardVersionRetiredV1Schema = closedObject(
  { standardId: uuid, versionId: uuid, version: semverString, reason: Type.String({ maxLength: 2000 }), retiredAt: isoDateTime },
  eventSchemaOptions('standard-version-retired.v1'),
);

/** A published version was withdrawn without a successor: it no longer applies anywhere. */
export type StandardVersionRetiredV1 = Static<typeof standardVersionRetiredV1Schema>;

export const standardVersionRetiredV1 = defineEvent<StandardVersionRetiredV1>()({
  type: 'pmo.standard.version-retired.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: standardVersionRetiredV1Schema,
});
