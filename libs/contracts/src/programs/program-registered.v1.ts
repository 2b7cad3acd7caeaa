import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, entityCode, eventSchemaOptions, isoDateTime, uuid } from '../schemas';

export const programRegisteredV1Schema = closedObject(
  {
    programId: uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 2000 }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 }),
    registeredAt: isoDateTime,
    /** Short unique key; Keycloak group `program-<code>` scopes its program managers. Absent in early events: the id. */
    code: Type.Optional(entityCode),
  },
  eventSchemaOptions('program-registered.v1'),
);

/** A program PMO registered a program; it now exists for the whole organisation. */
export type ProgramRegisteredV1 = Static<typeof programRegisteredV1Schema>;

export const programRegisteredV1 = defineEvent<ProgramRegisteredV1>()({
  type: 'pmo.program.registered.v1',
  topic: 'pmo.programs.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.programId,
  schema: programRegisteredV1Schema,
});
