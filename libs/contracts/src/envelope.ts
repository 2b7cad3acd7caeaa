import { CloudEvent } from 'cloudevents';
import { randomUUID } from 'node:crypto';
import { EVENT_CATALOG, type PmoEventMap, type PmoEventType } from './catalog';
import { validateEventData } from './event-validation';

export const EVENT_SPEC_VERSION = '1.0';
export const EVENT_CONTENT_TYPE = 'application/json';

/** A CloudEvents 1.0 envelope around one of the platform's events. */
export interface PmoEvent<T extends PmoEventType = PmoEventType> {
  id: string;
  source: string;
  type: T;
  specversion: string;
  time: string;
  subject: string;
  datacontenttype: string;
  data: PmoEventMap[T];
}

export interface BuildEventInput<T extends PmoEventType> {
  type: T;
  source: string;
  data: PmoEventMap[T];
  id?: string;
  time?: Date;
}

/**
 * Wraps `data` in a CloudEvents envelope whose subject is the aggregate id.
 * Throws when `data` does not match its schema: a producer must never emit an invalid event.
 */
export function buildEvent<T extends PmoEventType>(input: BuildEventInput<T>): PmoEvent<T> {
  const definition = EVENT_CATALOG[input.type];
  const check = validateEventData(input.type, input.data);
  if (!check.valid) throw new Error(`invalid ${input.type} payload: ${check.reason}`);
  // The cloudevents package checks the envelope attributes against the 1.0 spec.
  const cloudEvent = new CloudEvent({
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    specversion: EVENT_SPEC_VERSION,
    time: (input.time ?? new Date()).toISOString(),
    subject: (definition.aggregateIdOf as (d: PmoEventMap[T]) => string)(input.data),
    datacontenttype: EVENT_CONTENT_TYPE,
    data: input.data,
  });
  return {
    id: cloudEvent.id,
    source: cloudEvent.source,
    type: input.type,
    specversion: cloudEvent.specversion,
    time: cloudEvent.time as string,
    subject: cloudEvent.subject as string,
    datacontenttype: EVENT_CONTENT_TYPE,
    data: input.data,
  };
}
