import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { eventDefinitionOf } from './catalog';

export type EventValidationResult = { valid: true } | { valid: false; code: 'UNKNOWN_TYPE' | 'SCHEMA'; reason: string };

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(type: string): ValidateFunction | undefined {
  const definition = eventDefinitionOf(type);
  if (!definition) return undefined;
  let validate = compiled.get(type);
  if (!validate) {
    validate = ajv.compile(definition.schema);
    compiled.set(type, validate);
  }
  return validate;
}

/** Checks an event's `data` against the JSON Schema of its type; the reason lists every error with its path. */
export function validateEventData(type: string, data: unknown): EventValidationResult {
  const validate = validatorFor(type);
  if (!validate) return { valid: false, code: 'UNKNOWN_TYPE', reason: `unknown event type ${type}` };
  if (validate(data)) return { valid: true };
  const reason = (validate.errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');
  return { valid: false, code: 'SCHEMA', reason };
}
