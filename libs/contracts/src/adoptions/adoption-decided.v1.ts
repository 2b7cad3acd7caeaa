import { defineEvent } from '../event-definition';
import { isoDateTime, semverString, uuid } from '../standards/standard-schemas';
import type { AdoptionDecision } from '../compliance/compliance-state';

/** A program PMO decided how one project takes up one standard version; a later decision supersedes it. */
export interface AdoptionDecidedV1 {
  decisionId: string;
  programId: string;
  projectId: string;
  standardId: string;
  versionId: string;
  version: string;
  decision: AdoptionDecision;
  /** For `tailor`: the value chosen per requirement id, inside its leeway. */
  choices: Record<string, number | string>;
  reason: string;
  actor: { subject: string; name: string };
  decidedAt: string;
}

export const adoptionDecidedV1 = defineEvent<AdoptionDecidedV1>()({
  type: 'pmo.adoption.decided.v1',
  topic: 'pmo.adoptions.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/adoption-decided.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['decisionId', 'programId', 'projectId', 'standardId', 'versionId', 'version', 'decision', 'choices', 'reason', 'actor', 'decidedAt'],
    properties: {
      decisionId: uuid,
      programId: uuid,
      projectId: uuid,
      standardId: uuid,
      versionId: uuid,
      version: semverString,
      decision: { enum: ['adopt', 'tailor', 'grandfather', 'variance-needed'] },
      choices: { type: 'object', maxProperties: 200, additionalProperties: { anyOf: [{ type: 'number' }, { type: 'string', maxLength: 100 }] } },
      reason: { type: 'string', maxLength: 2000 },
      actor: { type: 'object', additionalProperties: false, required: ['subject', 'name'], properties: { subject: { type: 'string', minLength: 1 }, name: { type: 'string' } } },
      decidedAt: isoDateTime,
    },
  },
});
