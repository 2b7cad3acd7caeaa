import { defineEvent } from '../event-definition';
import type { Applicability, Requirement, StandardKind, StandardLevel } from './standard-model';
import { applicabilitySchema, isoDate, isoDateTime, requirementSchema, rolloutWaveSchema, semverString, uuid } from './standard-schemas';

export interface RolloutWaveV1 {
  name: string;
  programIds: string[];
  programTags: string[];
  opensOn: string;
  adoptionDeadline: string;
}

/** The strategic PMO published a version of a standard, with the plan of waves that rolls it out. */
export interface StandardVersionPublishedV1 {
  standardId: string;
  key: string;
  title: string;
  kind: StandardKind;
  level: StandardLevel;
  versionId: string;
  version: string;
  effectiveDate: string;
  adoptionDeadline: string;
  applicability: Applicability;
  requirements: Requirement[];
  rollout: RolloutWaveV1[];
  /** A report format's JSON Schema, so project PMOs validate their status reports against it. */
  reportSchema?: Record<string, unknown>;
  publishedAt: string;
}

export const standardVersionPublishedV1 = defineEvent<StandardVersionPublishedV1>()({
  type: 'pmo.standard.version-published.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/standard-version-published.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['standardId', 'key', 'title', 'kind', 'level', 'versionId', 'version', 'effectiveDate', 'adoptionDeadline', 'applicability', 'requirements', 'rollout', 'publishedAt'],
    properties: {
      standardId: uuid,
      key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$' },
      title: { type: 'string', minLength: 1, maxLength: 200 },
      kind: { enum: ['methodology', 'standard', 'report-format', 'tool'] },
      level: { enum: ['mandatory', 'recommended'] },
      versionId: uuid,
      version: semverString,
      effectiveDate: isoDate,
      adoptionDeadline: isoDate,
      applicability: applicabilitySchema,
      requirements: { type: 'array', maxItems: 500, items: requirementSchema },
      rollout: { type: 'array', minItems: 1, maxItems: 50, items: rolloutWaveSchema },
      reportSchema: { type: 'object' },
      publishedAt: isoDateTime,
    },
  },
});
