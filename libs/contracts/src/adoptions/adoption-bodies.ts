import { Type, type Static } from '@sinclair/typebox';
import { closedObject, stringEnum } from '../schemas';
import { ADOPTION_DECISIONS } from '../compliance/compliance-state';
import { adoptionChoices, adoptionDecidedV1Schema } from './adoption-decided.v1';

const decided = adoptionDecidedV1Schema.properties;

/** POST /programs/{id}/adoptions: one `adoption.decided` per project named. */
export const decideAdoptionBody = closedObject({
  versionId: { ...decided.versionId, description: 'The standard version decided on' },
  projectIds: Type.Array(decided.projectId, {
    minItems: 1,
    maxItems: 500,
    uniqueItems: true,
    description: 'One project, or many for a bulk decision (all or none are recorded)',
  }),
  decision: stringEnum(ADOPTION_DECISIONS),
  choices: Type.Optional({
    ...adoptionChoices,
    propertyNames: { pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$' },
    description: 'For tailor: the value chosen per requirement id, inside its leeway',
    example: { 'STATUS-CADENCE': 10 },
  }),
  reason: Type.String({
    minLength: 1,
    maxLength: decided.reason.maxLength,
    description: 'Why',
    example: 'Fortnightly reporting matches the steering committee',
  }),
});
export type DecideAdoptionBody = Static<typeof decideAdoptionBody>;
