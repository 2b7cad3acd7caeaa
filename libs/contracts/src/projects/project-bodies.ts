import { Type, type Static } from '@sinclair/typebox';
import { closedObject, isoDate, slugTag, stringEnum, visibleName } from '../schemas';
import { IMPLEMENTATION_STATUSES, implementationStatusChangedV1Schema } from './implementation-status-changed.v1';
import { projectClosedV1Schema } from './project-closed.v1';
import { projectReviewBody } from './project-review';
import { projectRegisteredV1Schema } from './project-registered.v1';
import { projectUpdatedV1Schema } from './project-updated.v1';

/** Where a project is in its life cycle. */
export const PROJECT_PHASES = ['initiation', 'planning', 'execution', 'closing'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

const registered = projectRegisteredV1Schema.properties;
const phase = stringEnum(PROJECT_PHASES, { description: 'Current phase' });
const tags = Type.Array(slugTag, { maxItems: registered.tags.maxItems, description: 'Tags, e.g. regulated', example: ['regulated'] });
const startDate = { ...isoDate, description: 'Planned start', example: '2027-01-04' };
const endDate = { ...isoDate, description: 'Planned end, on or after the start', example: '2027-12-17' };
// Hundredths at most, as the progress is stored.
const percentComplete = { ...projectUpdatedV1Schema.properties.percentComplete, multipleOf: 0.01, description: 'Progress in percent', example: 95 };

/** POST /projects: what becomes `project.registered`. */
export const registerProjectBody = closedObject({
  programId: { ...registered.programId, description: 'The program the project belongs to', example: '3f0c8e2a-7d1b-4c55-9a51-0c9f3f5b7e21' },
  name: visibleName({ ...registered.name, description: 'Name of the project', example: 'General Ledger Cut-over' }),
  code: Type.Optional({
    ...registered.code,
    description: 'Short unique key of the project. Its project managers are the members of the Keycloak group `project-<code>`. Defaults to the id.',
    example: 'fsm-ledger',
  }),
  phase: Type.Optional({ ...phase, default: 'initiation' }),
  percentComplete: Type.Optional({ ...percentComplete, default: 0, example: 40 }),
  tags: Type.Optional(tags),
  startDate: Type.Optional(startDate),
  endDate: Type.Optional(endDate),
});
export type RegisterProjectBody = Static<typeof registerProjectBody>;

/** PATCH /projects/{id}: a change of phase, progress or tags (`project.updated`); fields left out stay as they are. */
export const updateProjectBody = Type.Partial(
  closedObject({
    phase,
    percentComplete,
    tags,
    startDate,
    endDate,
  }),
);
export type UpdateProjectBody = Static<typeof updateProjectBody>;

/** POST /projects/{id}/close: the reason of `project.closed`, and the post-implementation review taken with it. */
export const closeProjectBody = closedObject({
  reason: { ...projectClosedV1Schema.properties.reason, description: 'Why the project closes', example: 'Delivered and handed over to operations' },
  review: Type.Optional({ ...projectReviewBody, description: 'The post-implementation review: what was delivered and the lessons learned' }),
});
export type CloseProjectBody = Static<typeof closeProjectBody>;

const changed = implementationStatusChangedV1Schema.properties;

/** PUT /projects/{id}/requirements/{requirementId}/status: what becomes `implementation.status-changed`. */
export const setImplementationStatusBody = closedObject(
  {
    versionId: { ...changed.versionId, description: 'The standard version the requirement belongs to' },
    status: stringEnum(IMPLEMENTATION_STATUSES),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: changed.reason.maxLength, description: 'Why; required when not-applicable' })),
    evidenceLinks: Type.Optional(
      Type.Array(
        // A web link, as the event's `uri` format alone would also let `mailto:` or `urn:` through.
        { ...changed.evidenceLinks.items, pattern: '^(https?|ftp)://' },
        { maxItems: changed.evidenceLinks.maxItems, description: 'Links to the evidence', example: ['https://wiki.example/charter-v2'] },
      ),
    ),
  },
  {
    if: { type: 'object', properties: { status: { const: 'not-applicable' } }, required: ['status'] },
    then: { type: 'object', properties: { reason: Type.String() }, required: ['reason'], errorMessage: 'is required when the status is not-applicable' },
  },
);
export type SetImplementationStatusBody = Static<typeof setImplementationStatusBody>;
