import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, eventSchemaOptions, isoDate, isoDateTime, stringEnum, uuid } from '../schemas';
import { reasonSchema } from './variance-schemas';

/** Renewals of one variance are numbered 1, 2, … in the order they were asked for. */
const renewalNumber = Type.Integer({ minimum: 1, maximum: 1000 });

export const varianceRenewalRequestedV1Schema = closedObject(
  {
    varianceId: uuid,
    programId: uuid,
    renewal: renewalNumber,
    requestedBy: actor,
    /** The end date asked for. */
    expiresOn: isoDate,
    /** The end date of the approval in force when it was asked, which holds until the renewal is approved. */
    previousExpiresOn: isoDate,
    justification: reasonSchema,
    requestedAt: isoDateTime,
  },
  eventSchemaOptions('variance-renewal-requested.v1'),
);

/** A program PMO asks to extend an approved variance before it ends: a new end date and why. */
export type VarianceRenewalRequestedV1 = Static<typeof varianceRenewalRequestedV1Schema>;

export const varianceRenewalRequestedV1 = defineEvent<VarianceRenewalRequestedV1>()({
  type: 'pmo.variance.renewal-requested.v1',
  topic: 'pmo.variances.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceRenewalRequestedV1Schema,
});

export const RENEWAL_OUTCOMES = ['approved', 'rejected'] as const;

const varianceRenewalDecidedV1Schema = closedObject(
  {
    varianceId: uuid,
    programId: uuid,
    renewal: renewalNumber,
    outcome: stringEnum(RENEWAL_OUTCOMES),
    /** The end date in force after the decision: the renewal's when approved, the previous one when rejected. */
    expiresOn: isoDate,
    reason: reasonSchema,
    decidedBy: actor,
    decidedAt: isoDateTime,
  },
  eventSchemaOptions('variance-renewal-decided.v1'),
);

/** The strategic PMO decided a renewal: approved moves the variance's end date, rejected leaves it to expire as before. */
export type VarianceRenewalDecidedV1 = Static<typeof varianceRenewalDecidedV1Schema>;

export const varianceRenewalDecidedV1 = defineEvent<VarianceRenewalDecidedV1>()({
  type: 'pmo.variance.renewal-decided.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceRenewalDecidedV1Schema,
});
