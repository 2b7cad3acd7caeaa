import { Type, type Static } from '@sinclair/typebox';
import { closedObject, requirementId, stringEnum } from '../schemas';
import { leewaySchema } from './standard-schemas';

/**
 * How one requirement moved from a version to the one that supersedes it, as the strategic PMO's version diff
 * classified it: `added`, `removed`, `text` (reworded) or `leeway` (with which way it went, and both leeways).
 * A requirement whose text and leeway both changed has one entry for each.
 */
const REQUIREMENT_CHANGE_KINDS = ['added', 'removed', 'text', 'leeway'] as const;

export const requirementChangeSchema = closedObject({
  requirementId,
  change: stringEnum(REQUIREMENT_CHANGE_KINDS),
  leeway: Type.Optional(stringEnum(['narrowed', 'widened', 'changed'] as const)),
  before: Type.Optional(leewaySchema),
  after: Type.Optional(leewaySchema),
});

export type RequirementChange = Static<typeof requirementChangeSchema>;
