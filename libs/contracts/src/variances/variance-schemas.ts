import type { JsonSchema } from '../event-definition';

// Schema pieces shared by the variance events.
export const actorSchema: JsonSchema = { type: 'object', additionalProperties: false, required: ['subject', 'name'], properties: { subject: { type: 'string', minLength: 1 }, name: { type: 'string' } } };
export const requirementIdsSchema: JsonSchema = { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$' } };
export const riskSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['likelihood', 'impact'],
  properties: { likelihood: { type: 'integer', minimum: 1, maximum: 5 }, impact: { type: 'integer', minimum: 1, maximum: 5 } },
};
export const compensatingControlsSchema: JsonSchema = { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 1000 } };
export const reasonSchema: JsonSchema = { type: 'string', minLength: 1, maxLength: 4000 };
