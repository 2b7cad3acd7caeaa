import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, eventSchemaOptions, isoDate, isoDateTime, semverString, stringEnum, uuid } from '../schemas';
import { compensatingControlsSchema, deviationsSchema, reasonSchema, requirementIdsSchema, riskSchema } from './variance-schemas';

export const varianceProposedV1Schema = closedObject(
  {
    proposalId: uuid,
    projectId: uuid,
    programId: uuid,
    proposedBy: actor,
    standardId: uuid,
    versionId: uuid,
    version: semverString,
    requirementIds: requirementIdsSchema,
    /** The value asked per requirement; absent on events from before values were asked. */
    deviations: Type.Optional(deviationsSchema),
    justification: reasonSchema,
    risk: riskSchema,
    compensatingControls: compensatingControlsSchema,
    expiresOn: isoDate,
    proposedAt: isoDateTime,
  },
  eventSchemaOptions('variance-proposed.v1'),
);

/** A project PMO proposes a variance for its project to its program PMO. */
export type VarianceProposedV1 = Static<typeof varianceProposedV1Schema>;

export const varianceProposedV1 = defineEvent<VarianceProposedV1>()({
  type: 'pmo.variance.proposed.v1',
  topic: 'pmo.variances.v1',
  owner: 'project-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.proposalId,
  schema: varianceProposedV1Schema,
});

const varianceProposalAnsweredV1Schema = closedObject(
  {
    proposalId: uuid,
    projectId: uuid,
    programId: uuid,
    outcome: stringEnum(['forwarded', 'rejected'] as const),
    varianceId: Type.Optional(uuid),
    reason: Type.Optional(reasonSchema),
    answeredBy: actor,
    answeredAt: isoDateTime,
  },
  {
    ...eventSchemaOptions('variance-proposal-answered.v1'),
    // Forwarded names the request it became; rejected says why.
    if: { type: 'object', properties: { outcome: { const: 'forwarded' } } },
    then: { type: 'object', properties: { varianceId: uuid }, required: ['varianceId'] },
    else: { type: 'object', properties: { reason: reasonSchema }, required: ['reason'] },
  },
);

/**
 * The program PMO answered a project's proposal: forwarded to the strategic PMO as the variance request
 * `varianceId`, or rejected with a reason.
 */
export type VarianceProposalAnsweredV1 = Static<typeof varianceProposalAnsweredV1Schema>;

export const varianceProposalAnsweredV1 = defineEvent<VarianceProposalAnsweredV1>()({
  type: 'pmo.variance.proposal-answered.v1',
  topic: 'pmo.variances.v1',
  owner: 'program-pmo',
  consumers: ['project-pmo'],
  aggregateIdOf: (data) => data.proposalId,
  schema: varianceProposalAnsweredV1Schema,
});
