import type { Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDate, isoDateTime, semverString, uuid } from '../schemas';

const adoptionOverdueV1Schema = closedObject(
  { programId: uuid, projectId: uuid, standardId: uuid, versionId: uuid, version: semverString, adoptionDeadline: isoDate, noticedAt: isoDateTime },
  eventSchemaOptions('adoption-overdue.v1'),
);

/** A project's adoption deadline passed without a decision; announced once per project and version. */
export type AdoptionOverdueV1 = Static<typeof adoptionOverdueV1Schema>;

export const adoptionOverdueV1 = defineEvent<AdoptionOverdueV1>()({
  type: 'pmo.adoption.overdue.v1',
  topic: 'pmo.adoptions.v1',
  owner: 'program-pmo',
  consumers: [],
  aggregateIdOf: (data) => data.projectId,
  schema: adoptionOverdueV1Schema,
});
