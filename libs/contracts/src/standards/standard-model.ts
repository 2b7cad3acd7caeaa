import type { Static } from '@sinclair/typebox';
import type { applicabilitySchema, leewaySchema, requirementSchema } from './standard-schemas';

/** What a standard is about. A methodology's body is a playbook, a report format's a JSON Schema. */
export const STANDARD_KINDS = ['methodology', 'standard', 'report-format', 'tool', 'priority-policy'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

export const STANDARD_LEVELS = ['mandatory', 'recommended'] as const;
export type StandardLevel = (typeof STANDARD_LEVELS)[number];

/** Lifecycle of one version: draft → in-review → published → superseded | retired. */
export const VERSION_STATES = ['draft', 'in-review', 'published', 'superseded', 'retired'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/**
 * The room a program has without asking for approval: a numeric range with a unit
 * (a status report every 7 to 14 days) or a set of allowed options.
 */
export type Leeway = Static<typeof leewaySchema>;

/** One checkable clause of a standard; its id is stable across versions (e.g. STATUS-CADENCE). */
export type Requirement = Static<typeof requirementSchema>;

/** To whom a version applies: the whole organisation, listed programs, or programs carrying a tag. */
export type Applicability = Static<typeof applicabilitySchema>;
