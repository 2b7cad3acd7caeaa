import { Type, type Static } from '@sinclair/typebox';
import { closedObject, isoDate, uuid } from '../schemas';

/**
 * What a roadmap entry marks. Each kind comes from one source: a project's plan (start, end, milestones,
 * go-lives), a standard's rollout (wave openings, adoption deadlines), a steering committee (its meetings). A new
 * source adds its kinds here.
 */
export const ROADMAP_KINDS = ['project-start', 'project-end', 'milestone', 'go-live', 'wave-opening', 'adoption-deadline', 'committee-meeting'] as const;
export type RoadmapKind = (typeof ROADMAP_KINDS)[number];

const KIND_CHOICE = ROADMAP_KINDS.join('|');

const filters = {
  from: Type.Optional({ ...isoDate, description: 'First day shown (default: today)', example: '2027-01-01' }),
  to: Type.Optional({ ...isoDate, description: 'Last day shown, on or after `from` (default: a year after `from`)', example: '2027-12-31' }),
  program: Type.Optional({ ...uuid, description: "Only this program's entries (a wave counts for every program it names)" }),
  kind: Type.Optional(
    Type.String({
      pattern: `^(${KIND_CHOICE})(,(${KIND_CHOICE}))*$`,
      maxLength: 200,
      description: `Only these kinds, comma-separated: ${ROADMAP_KINDS.join(', ')}`,
      example: 'milestone,go-live',
      errorMessage: `must be kinds separated by commas, each one of ${ROADMAP_KINDS.join(', ')}`,
    }),
  ),
};

/** GET /roadmap/calendar and /roadmap/csv: every entry of the filtered window. */
export const roadmapFilterQuery = closedObject(filters);
export type RoadmapFilterQuery = Static<typeof roadmapFilterQuery>;

/** GET /roadmap: one page of the filtered window, in date order. */
export const roadmapQuery = closedObject({
  ...filters,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Entries per page' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'Entries to skip' })),
});
export type RoadmapQuery = Static<typeof roadmapQuery>;

/** The kinds named by a `kind` filter; all of them when there is none. */
export function roadmapKindsOf(kind: string | undefined): RoadmapKind[] {
  if (kind === undefined) return [...ROADMAP_KINDS];
  const named = new Set(kind.split(','));
  return ROADMAP_KINDS.filter((k) => named.has(k));
}
