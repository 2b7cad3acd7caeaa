import { applicabilitySchema, requirementSchema } from '@pmo/contracts';
import { MatchesSchema } from '@pmo/http';

/** The JSON Schemas of the nested parts of a version, shared with the events. */
const requirementsSchema = { type: 'array', maxItems: 500, items: requirementSchema };

export const RequirementsField = (required: boolean) =>
  MatchesSchema(requirementsSchema, {
    description: 'Requirements, each with an id stable across versions and optional leeway',
    required,
    example: [{ id: 'STATUS-CADENCE', text: 'Submit a status report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
  });

export const ApplicabilityField = (required: boolean) =>
  MatchesSchema(applicabilitySchema, { description: 'Whole organisation, listed programs, or program tags', required, example: { scope: 'tags', tags: ['regulated'] } });
