import { Type, type Static } from '@sinclair/typebox';
import { closedObject, slugTag, visibleName } from '../schemas';
import { programRegisteredV1Schema } from './program-registered.v1';

const registered = programRegisteredV1Schema.properties;

/** POST /programs: what becomes `program.registered`; tags are slugs, stricter than the event requires. */
export const registerProgramBody = closedObject({
  name: visibleName({ ...registered.name, description: 'Name of the program', example: 'Financial System Migration' }),
  code: Type.Optional({
    ...registered.code,
    description: 'Short unique key of the program. Its program managers are the members of the Keycloak group `program-<code>`. Defaults to the id.',
    example: 'fsm',
  }),
  description: Type.Optional({
    ...registered.description,
    description: 'What the program delivers',
    example: 'Move the agency core financial system to a shared-service provider',
  }),
  tags: Type.Optional(
    Type.Array(slugTag, {
      maxItems: registered.tags.maxItems,
      description: 'Tags that decide which standards apply, e.g. regulated',
      example: ['regulated', 'finance'],
    }),
  ),
});
export type RegisterProgramBody = Static<typeof registerProgramBody>;
