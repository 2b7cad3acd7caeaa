import { Type, type Static } from '@sinclair/typebox';
import { VARIANCE_STATES } from '../compliance/compliance-state';
import { closedObject, stringEnum } from '../schemas';
import { varianceConditionSchema, VARIANCE_OUTCOMES } from './variance-decided.v1';
import { varianceProposedV1Schema } from './variance-proposal-events.v1';
import { RENEWAL_OUTCOMES, varianceRenewalRequestedV1Schema } from './variance-renewal-events.v1';
import { varianceRequestedV1Schema } from './variance-requested.v1';
import { deviationsSchema, reasonSchema } from './variance-schemas';

const requested = varianceRequestedV1Schema.properties;
const expiresOn = { ...requested.expiresOn, example: '2027-06-30' };
const deviationsBody = { ...deviationsSchema, example: [{ requirementId: 'STATUS-CADENCE', value: 21 }] };
const deviationsDescription =
  'Per listed requirement, the value asked outside its leeway (a number for a range, an option for an option set); while the approval holds the project is measured against it. A listed requirement without a value is waived while the approval holds.';

/** POST /programs/{id}/variances (and …/revisions): what becomes `variance.requested`. */
export const requestVarianceBody = closedObject({
  versionId: { ...requested.versionId, description: 'The standard version to deviate from (in force for the program)' },
  requirementIds: { ...requested.requirementIds, uniqueItems: true, example: ['STATUS-CADENCE'] },
  deviations: Type.Optional({ ...deviationsBody, description: deviationsDescription }),
  projectIds: { ...requested.projectIds, uniqueItems: true },
  justification: { ...requested.justification, example: 'The regulator requires monthly reporting in its own format' },
  risk: requested.risk,
  compensatingControls: Type.Optional({ ...requested.compensatingControls, example: ['Weekly call with the program sponsor'] }),
  expiresOn: { ...expiresOn, description: 'When the variance ends; at most 12 months ahead' },
});
export type RequestVarianceBody = Static<typeof requestVarianceBody>;

const proposed = varianceProposedV1Schema.properties;

/** POST /projects/{id}/variance-proposals: what becomes `variance.proposed`, the same content as a program's request. */
export const proposeVarianceBody = closedObject({
  versionId: { ...proposed.versionId, description: "The standard version to deviate from (in force for the project's program)" },
  requirementIds: { ...proposed.requirementIds, uniqueItems: true, example: ['STATUS-CADENCE'] },
  deviations: Type.Optional({ ...deviationsBody, description: deviationsDescription }),
  justification: { ...proposed.justification, example: 'The regulator requires monthly reporting in its own format' },
  risk: proposed.risk,
  compensatingControls: Type.Optional({ ...proposed.compensatingControls, example: ['Weekly call with the program sponsor'] }),
  expiresOn: {
    ...expiresOn,
    description: "When the variance ends: after today; the program checks it against the standard's longest variance when it forwards",
  },
});
export type ProposeVarianceBody = Static<typeof proposeVarianceBody>;

/** Why: withdrawing a request, rejecting a proposal, confirming or revoking an approval under review. */
export const reasonBody = closedObject({ reason: { ...reasonSchema, example: 'The regulator accepted the standard cadence after all' } });
export type ReasonBody = Static<typeof reasonBody>;

/** POST /variances/{id}/decision: what becomes `variance.decided`; the platform numbers the conditions. */
export const decideVarianceBody = closedObject({
  outcome: stringEnum(VARIANCE_OUTCOMES),
  conditions: Type.Optional(Type.Array(Type.Omit(varianceConditionSchema, ['id']), { maxItems: 50 })),
  reason: { ...reasonSchema, example: 'Compensating controls cover the regulator’s concern' },
});
export type DecideVarianceBody = Static<typeof decideVarianceBody>;

const renewal = varianceRenewalRequestedV1Schema.properties;

/** POST /programs/{id}/variances/{id}/renewals: what becomes `variance.renewal-requested`. */
export const renewVarianceBody = closedObject({
  expiresOn: {
    ...renewal.expiresOn,
    example: '2027-09-30',
    description: "The new end date: after the current one, at most the standard's longest variance from the first approval",
  },
  justification: { ...renewal.justification, example: 'The regulator extended its monthly reporting for another quarter' },
});
export type RenewVarianceBody = Static<typeof renewVarianceBody>;

/** POST /variances/{id}/renewal/decide: what becomes `variance.renewal-decided`. */
export const decideRenewalBody = closedObject({
  outcome: stringEnum(RENEWAL_OUTCOMES),
  reason: { ...reasonSchema, example: 'The compensating controls worked; one more quarter' },
});
export type DecideRenewalBody = Static<typeof decideRenewalBody>;

/** GET /variances: the queue's filters, each optional; flags as computed on the strategic PMO's clock. */
export const listVariancesQuery = closedObject({
  state: Type.Optional(stringEnum(VARIANCE_STATES, { description: 'Only requests in this state' })),
  programId: Type.Optional(Type.String({ format: 'uuid', description: 'Only requests of this program' })),
  standardId: Type.Optional(Type.String({ format: 'uuid', description: 'Only requests on a version of this standard' })),
  late: Type.Optional(Type.Boolean({ description: 'true: only requests past their decision SLA (or a renewal past its own); false: only the others' })),
  needsReview: Type.Optional(
    Type.Boolean({ description: 'true: only approvals whose ground changed and wait to be confirmed or revoked; false: only the others' }),
  ),
});
export type ListVariancesQuery = Static<typeof listVariancesQuery>;
