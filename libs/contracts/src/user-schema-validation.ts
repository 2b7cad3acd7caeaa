import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import { HEALTH_KEYWORD } from './reports/report-health';

// Schemas people write (a report format's JSON Schema) are not the platform's contracts: they get their
// own ajv instances, apart from the contracts' strict one, so that a user's `$id` or keyword can never
// collide with or loosen a contract. Lenient to validate reports (unknown keywords are annotations),
// strict only to tell the author, before review, that a keyword is misspelt.
const lenient = new Ajv2020({ allErrors: true, strict: false });
const strict = new Ajv2020({ allErrors: true, strict: true });
for (const ajv of [lenient, strict]) {
  addFormats(ajv);
  // The one keyword of ours a format may use (docs/metrics.md); strict mode refuses every other unknown one.
  ajv.addKeyword({ keyword: HEALTH_KEYWORD, metaSchema: { type: 'string' } });
}

/** How many user schemas stay compiled; the least recently used is dropped (and removed from ajv) past it. */
export const USER_SCHEMA_CACHE_SIZE = 200;

const compiled = new Map<string, ValidateFunction>();

// Two versions of a format may carry the same $id; ajv keeps one schema per $id, so it is left out.
function withoutId(schema: object): object {
  const copy: Record<string, unknown> = { ...schema };
  delete copy.$id;
  return copy;
}

function keyOf(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('base64url');
}

/**
 * The validator of a user-written schema, compiled once per content and kept in a bounded cache: a
 * published version never changes, so its content is its key. Throws when the schema does not compile.
 */
export function userSchemaValidatorOf(schema: object): ValidateFunction {
  const key = keyOf(schema);
  const cached = compiled.get(key);
  if (cached) {
    // Most recently used last, so that eviction takes the oldest.
    compiled.delete(key);
    compiled.set(key, cached);
    return cached;
  }
  const validate = lenient.compile(withoutId(schema));
  compiled.set(key, validate);
  if (compiled.size > USER_SCHEMA_CACHE_SIZE) {
    const [oldestKey, oldest] = compiled.entries().next().value as [string, ValidateFunction];
    compiled.delete(oldestKey);
    lenient.removeSchema(oldest.schema as object);
  }
  return validate;
}

/** How many user schemas are compiled now (at most `USER_SCHEMA_CACHE_SIZE`). */
export function compiledUserSchemaCount(): number {
  return compiled.size;
}

/**
 * Why a user-written schema fails ajv's strict mode (an unknown keyword, a misspelt type), or undefined
 * when it compiles. Compiled and dropped at once: it runs when a draft goes to review, not per report.
 */
export function strictSchemaProblemOf(schema: object): string | undefined {
  const checked = withoutId(schema);
  try {
    strict.compile(checked);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    strict.removeSchema(checked);
  }
}
