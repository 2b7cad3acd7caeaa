import type { JsonSchema } from '../event-definition';

// Schema pieces shared by the standards events.
export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const isoDate: JsonSchema = { type: 'string', format: 'date' };
export const isoDateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const semverString: JsonSchema = { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$' };
export const tagList: JsonSchema = { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 50 } };

export const leewaySchema: JsonSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'min', 'max', 'unit'],
      properties: { kind: { const: 'range' }, min: { type: 'number' }, max: { type: 'number' }, unit: { type: 'string', minLength: 1, maxLength: 30 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'options'],
      properties: { kind: { const: 'options' }, options: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 100 } } },
    },
  ],
};

export const requirementSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'text'],
  properties: { id: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$' }, text: { type: 'string', minLength: 1, maxLength: 2000 }, leeway: leewaySchema },
};

export const applicabilitySchema: JsonSchema = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['scope'], properties: { scope: { const: 'organisation' } } },
    { type: 'object', additionalProperties: false, required: ['scope', 'programIds'], properties: { scope: { const: 'programs' }, programIds: { type: 'array', minItems: 1, maxItems: 500, items: uuid } } },
    { type: 'object', additionalProperties: false, required: ['scope', 'tags'], properties: { scope: { const: 'tags' }, tags: { ...tagList, minItems: 1 } } },
  ],
};

export const rolloutWaveSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'programIds', 'programTags', 'opensOn', 'adoptionDeadline'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    programIds: { type: 'array', maxItems: 500, items: uuid },
    programTags: tagList,
    opensOn: isoDate,
    adoptionDeadline: isoDate,
  },
};
