import { eventDefinitionOf } from './catalog';
import { validatorOf } from './schema-validation';

export type EventValidationResult = { valid: true } | { valid: false; code: 'UNKNOWN_TYPE' | 'SCHEMA'; reason: string };

/** Checks an event's `data` against the JSON Schema of its type; the reason lists every error with its path. */
export function validateEventData(type: string, data: unknown): EventValidationResult {
  const definition = eventDefinitionOf(type);
  if (!definition) return { valid: false, code: 'UNKNOWN_TYPE', reason: `unknown event type ${type}` };
  const validate = validatorOf(definition.schema);
  if (validate(data)) return { valid: true };
  const reason = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
  return { valid: false, code: 'SCHEMA', reason };
}
