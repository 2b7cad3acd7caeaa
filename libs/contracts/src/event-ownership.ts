import { eventDefinitionOf } from './catalog';
import { eventSourceOf } from './services';

export type SourceCheck = { accepted: true } | { accepted: false; code: 'FORBIDDEN_SOURCE' | 'UNKNOWN_TYPE'; reason: string };

/**
 * Accepts an event only from the service that owns its type: anyone who can write a topic could
 * otherwise speak for another service (rename a program in the services that follow it, say).
 */
export function checkEventSource(type: string, source: string): SourceCheck {
  const definition = eventDefinitionOf(type);
  if (!definition) return { accepted: false, code: 'UNKNOWN_TYPE', reason: `unknown event type ${type}` };
  const expected = eventSourceOf(definition.owner);
  if (source === expected) return { accepted: true };
  return { accepted: false, code: 'FORBIDDEN_SOURCE', reason: `${type} is accepted only from its owner: expected source ${expected}, got ${source}` };
}
