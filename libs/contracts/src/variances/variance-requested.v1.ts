import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, eventSchemaOptions, isoDate, isoDateTime, semverString, uuid } from '../schemas';
import { compensatingControlsSchema, deviationsSchema, reasonSchema, requirementIdsSchema, riskSchema } from './variance-schemas';

export const varianceRequestedV1Schema = closedObject(
  {
    varianceId: uuid,
    programId: uuid,
    requestedBy: actor,
    standardId: uuid,
    versionId: uuid,
    version: semverString,
    requirementIds: requirementIdsSchema,
    /** The value asked per requirement; absent on events from before values were asked. */
    deviations: Type.Optional(deviationsSchema),
    projectIds: Type.Array(uuid, { minItems: 1, maxItems: 500 }),
    justification: reasonSchema,
    risk: riskSchema,
    compensatingControls: compensatingControlsSchema,
    expiresOn: isoDate,
    submittedAt: isoDateTime,
    /** The rejected request this one revises, when it is a revision. */
    revisionOf: Type.Optional(uuid),
    /** The project PMO's proposal it forwards, when it came from one. */
    proposalId: Type.Optional(uuid),
  },
  eventSchemaOptions('variance-requested.v1'),
);

/** A program PMO asks the strategic PMO in advance to approve a variation beyond leeway. */
export type VarianceRequestedV1 = Static<typeof varianceRequestedV1Schema>;

export const varianceRequestedV1 = defineEvent<VarianceRequestedV1>()({
  type: 'pmo.variance.requested.v1',
  topic: 'pmo.variances.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceRequestedV1Schema,
});
