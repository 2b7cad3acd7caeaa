import { Type } from '@sinclair/typebox';
import { closedObject, requirementId } from '../schemas';

// Schema pieces shared by the variance events and the bodies of the variance routes.
export const requirementIdsSchema = Type.Array(requirementId, { minItems: 1, maxItems: 100 });
export const riskSchema = closedObject({ likelihood: Type.Integer({ minimum: 1, maximum: 5 }), impact: Type.Integer({ minimum: 1, maximum: 5 }) });
export const compensatingControlsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50 });
export const reasonSchema = Type.String({ minLength: 1, maxLength: 4000 });
