import { Type, type Static, type TObject, type TSchema, type TString, type TUnion, type SchemaOptions } from '@sinclair/typebox';

// Schema pieces every contract shares: declared once, used by the events and by the HTTP bodies derived from them.
export const uuid = Type.String({ format: 'uuid' });
// Year 0000 passes the JSON Schema date format but not PostgreSQL's date type: refused here, not as a 500 there.
export const isoDate = Type.String({ format: 'date', pattern: '^(?!0000-)', errorMessage: 'must be a date such as 2027-06-30' });
export const isoDateTime = Type.String({ format: 'date-time' });
export const semverString = Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', errorMessage: 'must be a semantic version such as 1.2.0' });
export const requirementId = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$', errorMessage: 'must be a requirement id such as STATUS-CADENCE' });
export const conditionId = Type.String({ pattern: '^C[0-9]{1,3}$', errorMessage: 'must be a condition id such as C1' });
// A name people must tell apart by sight (a program, a project, a standard's title): no space first or last, and
// no invisible or direction-changing character (zero-width space, word joiner, byte-order mark, bidi embeddings,
// overrides and isolates), so that two names cannot look alike in a list nor one read backwards. Letters of
// every script stay allowed, and so do the joiners (U+200C, U+200D) and marks (U+200E, U+200F) that real text needs.
// Only what a caller sends is checked: events keep their schema, so names stored before stay readable.
const HIDDEN = '\\u200B\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069';
const VISIBLE_NAME = `^(?:[^\\s${HIDDEN}](?:[^${HIDDEN}]*[^\\s${HIDDEN}])?)?$`;

/** `schema` (a name as a caller writes it) with the rule above. */
export function visibleName<T extends TString>(schema: T): T {
  return {
    ...schema,
    pattern: VISIBLE_NAME,
    errorMessage: {
      pattern: 'must not start or end with a space, nor hold an invisible or text-direction character (U+200B, U+2060, U+FEFF, U+202A–U+202E, U+2066–U+2069)',
    },
  };
}
/** Short unique key of a program or project; Keycloak groups are named after it. */
export const entityCode = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,63}$',
  errorMessage: 'must be lower-case letters, digits and dashes (at most 64), starting with a letter or digit',
});
/** A tag as a caller writes it: a lower-case slug. */
export const slugTag = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,49}$', errorMessage: 'must be lower-case letters, digits and dashes (at most 50)' });
export const standardKey = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$', errorMessage: 'must be lower-case letters, digits and dashes (at most 80)' });
export const tagList = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 });
export const actor = Type.Object({ subject: Type.String({ minLength: 1 }), name: Type.String() }, { additionalProperties: false });

/** A JSON object of any shape (a report, a report format's schema, a kind-specific body). */
export const anyObject = Type.Unsafe<Record<string, unknown>>({ type: 'object' });

/** A closed object: an unknown field is refused, naming it. */
export function closedObject<T extends Record<string, TSchema>>(properties: T, options: SchemaOptions = {}): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/** The document-level keywords of an event's schema. */
export function eventSchemaOptions(name: string): SchemaOptions {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `https://pmo.example/schemas/${name}.json` };
}

/**
 * Exactly one of closed objects told apart by the constant `tag` property (`kind`, `scope`): JSON Schema
 * `oneOf` with a discriminator, so ajv checks only the branch the tag names and says what is wrong in it.
 */
export function taggedUnion<T extends TObject[]>(tag: string, branches: [...T], options: SchemaOptions = {}) {
  return Type.Unsafe<Static<TUnion<T>>>({ ...options, type: 'object', discriminator: { propertyName: tag }, oneOf: branches });
}

/** A string enum from a readonly list of literals. */
export function stringEnum<T extends readonly string[]>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}
