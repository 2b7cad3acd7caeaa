import { Type } from '@sinclair/typebox';
import { closedObject, requirementId } from '../schemas';

// Schema pieces shared by the variance events and the bodies of the variance routes.
export const requirementIdsSchema = Type.Array(requirementId, { minItems: 1, maxItems: 100 });
export const riskSchema = closedObject({ likelihood: Type.Integer({ minimum: 1, maximum: 5 }), impact: Type.Integer({ minimum: 1, maximum: 5 }) });
export const compensatingControlsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50 });
export const reasonSchema = Type.String({ minLength: 1, maxLength: 4000 });

/**
 * The deviation asked for one requirement: the value outside its leeway (a number for a range, an option for an
 * option set). A requirement listed in a request without one is asked to be waived while the approval holds.
 */
export const deviationSchema = closedObject({
  requirementId,
  value: Type.Union([Type.Number(), Type.String({ minLength: 1, maxLength: 100 })]),
});
export const deviationsSchema = Type.Array(deviationSchema, { maxItems: 100 });
