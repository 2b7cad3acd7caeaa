import { Type } from '@sinclair/typebox';
import { closedObject, isoDate, requirementId, taggedUnion, tagList, uuid } from '../schemas';

// Schema pieces shared by the standards events and the catalog's HTTP bodies.

export const leewaySchema = taggedUnion('kind', [
  closedObject({ kind: Type.Literal('range'), min: Type.Number(), max: Type.Number(), unit: Type.String({ minLength: 1, maxLength: 30 }) }),
  closedObject({ kind: Type.Literal('options'), options: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 50 }) }),
]);

export const requirementSchema = closedObject({ id: requirementId, text: Type.String({ minLength: 1, maxLength: 2000 }), leeway: Type.Optional(leewaySchema) });

export const applicabilitySchema = taggedUnion('scope', [
  closedObject({ scope: Type.Literal('organisation') }),
  closedObject({ scope: Type.Literal('programs'), programIds: Type.Array(uuid, { minItems: 1, maxItems: 500 }) }),
  closedObject({ scope: Type.Literal('tags'), tags: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: 50 }) }),
]);

export const rolloutWaveSchema = closedObject({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  programIds: Type.Array(uuid, { maxItems: 500 }),
  programTags: tagList,
  opensOn: isoDate,
  adoptionDeadline: isoDate,
});
