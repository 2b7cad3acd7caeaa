import { defineEvent } from '../event-definition';
import { isoDate, isoDateTime, semverString, uuid } from '../standards/standard-schemas';
import { actorSchema, compensatingControlsSchema, reasonSchema, requirementIdsSchema, riskSchema } from './variance-schemas';

/** A project PMO proposes a variance for its project to its program PMO. */
export interface VarianceProposedV1 {
  proposalId: string;
  projectId: string;
  programId: string;
  proposedBy: { subject: string; name: string };
  standardId: string;
  versionId: string;
  version: string;
  requirementIds: string[];
  justification: string;
  risk: { likelihood: number; impact: number };
  compensatingControls: string[];
  expiresOn: string;
  proposedAt: string;
}

export const varianceProposedV1 = defineEvent<VarianceProposedV1>()({
  type: 'pmo.variance.proposed.v1',
  topic: 'pmo.variances.v1',
  owner: 'project-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.proposalId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-proposed.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['proposalId', 'projectId', 'programId', 'proposedBy', 'standardId', 'versionId', 'version', 'requirementIds', 'justification', 'risk', 'compensatingControls', 'expiresOn', 'proposedAt'],
    properties: {
      proposalId: uuid,
      projectId: uuid,
      programId: uuid,
      proposedBy: actorSchema,
      standardId: uuid,
      versionId: uuid,
      version: semverString,
      requirementIds: requirementIdsSchema,
      justification: reasonSchema,
      risk: riskSchema,
      compensatingControls: compensatingControlsSchema,
      expiresOn: isoDate,
      proposedAt: isoDateTime,
    },
  },
});

/**
 * The program PMO answered a project's proposal: forwarded to the strategic PMO as the variance request
 * `varianceId`, or rejected with a reason.
 */
export interface VarianceProposalAnsweredV1 {
  proposalId: string;
  projectId: string;
  programId: string;
  outcome: 'forwarded' | 'rejected';
  varianceId?: string;
  reason?: string;
  answeredBy: { subject: string; name: string };
  answeredAt: string;
}

export const varianceProposalAnsweredV1 = defineEvent<VarianceProposalAnsweredV1>()({
  type: 'pmo.variance.proposal-answered.v1',
  topic: 'pmo.variances.v1',
  owner: 'program-pmo',
  consumers: ['project-pmo'],
  aggregateIdOf: (data) => data.proposalId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-proposal-answered.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['proposalId', 'projectId', 'programId', 'outcome', 'answeredBy', 'answeredAt'],
    properties: {
      proposalId: uuid,
      projectId: uuid,
      programId: uuid,
      outcome: { enum: ['forwarded', 'rejected'] },
      varianceId: uuid,
      reason: reasonSchema,
      answeredBy: actorSchema,
      answeredAt: isoDateTime,
    },
    // Forwarded names the request it became; rejected says why.
    if: { type: 'object', properties: { outcome: { const: 'forwarded' } } },
    then: { type: 'object', properties: { varianceId: uuid }, required: ['varianceId'] },
    else: { type: 'object', properties: { reason: reasonSchema }, required: ['reason'] },
  },
});
