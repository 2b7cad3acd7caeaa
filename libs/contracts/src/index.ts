// Event contracts: CloudEvents envelopes, event types, their topics and JSON Schemas. No framework code.
export { EVENT_SPEC_VERSION, EVENT_CONTENT_TYPE, buildEvent, type PmoEvent, type BuildEventInput } from './envelope';
export { defineEvent, type EventDefinition, type JsonSchema } from './event-definition';
export {
  EVENT_CATALOG,
  PLATFORM_TOPICS,
  deadLetterTopicOf,
  eventDefinitionOf,
  type PmoEventMap,
  type PmoEventType,
} from './catalog';
export { validateEventData, type EventValidationResult } from './event-validation';
export { programRegisteredV1, type ProgramRegisteredV1 } from './programs/program-registered.v1';
export { projectRegisteredV1, type ProjectRegisteredV1 } from './projects/project-registered.v1';
export {
  STANDARD_KINDS,
  STANDARD_LEVELS,
  VERSION_STATES,
  type StandardKind,
  type StandardLevel,
  type VersionState,
  type Leeway,
  type Requirement,
  type Applicability,
} from './standards/standard-model';
