import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, requirementId, stringEnum, uuid } from '../schemas';

export const IMPLEMENTATION_STATUSES = ['not-started', 'in-progress', 'implemented', 'not-applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export const implementationStatusChangedV1Schema = closedObject(
  {
    projectId: uuid,
    programId: uuid,
    versionId: uuid,
    requirementId,
    status: stringEnum(IMPLEMENTATION_STATUSES),
    reason: Type.String({ maxLength: 2000 }),
    evidenceLinks: Type.Array(Type.String({ format: 'uri', maxLength: 2000 }), { maxItems: 20 }),
    changedAt: isoDateTime,
  },
  eventSchemaOptions('implementation-status-changed.v1'),
);

/** A project PMO reported how far one requirement is implemented. */
export type ImplementationStatusChangedV1 = Static<typeof implementationStatusChangedV1Schema>;

export const implementationStatusChangedV1 = defineEvent<ImplementationStatusChangedV1>()({
  type: 'pmo.implementation.status-changed.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: [],
  aggregateIdOf: (data) => data.projectId,
  schema: implementationStatusChangedV1Schema,
});
