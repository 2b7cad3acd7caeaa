import { Type, type Static } from '@sinclair/typebox';
import { closedObject, isoDate, stringEnum, uuid } from '../schemas';

// Project priorities under a priority policy: the policy is the body of a published standard of kind
// `priority-policy`; ranks change only as it allows. Rules and ownership: docs/priorities.md.

/** The two rankings a project holds a place in. */
export const PRIORITY_SCOPES = ['program', 'portfolio'] as const;
export type PriorityScope = (typeof PRIORITY_SCOPES)[number];

/** The roles a priority policy may name: those that govern programs. Project managers neither rank nor decide. */
export const PRIORITY_ROLES = ['strategic-admin', 'strategic-reviewer', 'program-manager'] as const;

export const PRIORITY_REQUEST_STATES = ['pending', 'approved', 'refused'] as const;
export type PriorityRequestState = (typeof PRIORITY_REQUEST_STATES)[number];

/** Criteria scores run from 0 (none) to 10 (highest). */
export const CRITERION_SCORE_MAX = 10;

const roles = (description: string) => Type.Array(stringEnum(PRIORITY_ROLES), { maxItems: PRIORITY_ROLES.length, uniqueItems: true, description });
const criterionKey = Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$', errorMessage: 'must be a criterion key such as strategic-fit' });

/** Who may change one ranking, how far, and who may ask for and decide the changes beyond that. */
const rankRuleSchema = closedObject({
  changeRoles: roles('Roles that may change the rank directly (a program manager only in his own programs)'),
  maxMove: Type.Union([Type.Integer({ minimum: 1, maximum: 10000 }), Type.Null()], {
    description: 'The most places a direct change may move a project; null: no bound',
    example: 3,
  }),
  askRoles: roles('Roles that may ask for a change they may not make directly; empty: such changes are refused'),
  decideRoles: roles('Roles that decide a change asked for (never the one who asked)'),
});
export type RankRule = Static<typeof rankRuleSchema>;

/** The body of a `priority-policy` standard version: the criteria scored, and a rule per ranking. */
export const priorityPolicySchema = closedObject({
  criteria: Type.Array(
    closedObject({
      key: criterionKey,
      label: Type.String({ minLength: 1, maxLength: 200, example: 'Strategic fit' }),
      weight: Type.Integer({ minimum: 1, maximum: 100, description: 'Percent of the weighted score; the weights sum to 100' }),
    }),
    { minItems: 1, maxItems: 10 },
  ),
  program: rankRuleSchema,
  portfolio: rankRuleSchema,
});
export type PriorityPolicy = Static<typeof priorityPolicySchema>;

const scores = Type.Record(criterionKey, Type.Integer({ minimum: 0, maximum: CRITERION_SCORE_MAX }), {
  maxProperties: 10,
  description: 'A score from 0 to 10 for each criterion of the policy in force',
  example: { 'strategic-fit': 8, urgency: 5 },
});

/** POST /priorities/changes and POST /priorities/requests: a project's new place in one ranking, with why. */
export const priorityChangeBody = closedObject({
  projectId: uuid,
  scope: stringEnum(PRIORITY_SCOPES, { description: "The project's program ranking or the portfolio ranking" }),
  rank: Type.Integer({ minimum: 1, maximum: 10000, description: 'The new place, 1 first; the others move to make room', example: 1 }),
  scores,
  reason: Type.String({ minLength: 1, maxLength: 2000, example: 'Regulatory deadline moved forward' }),
});
export type PriorityChangeBody = Static<typeof priorityChangeBody>;

/** POST /priorities/requests/{requestId}/decision. */
export const priorityDecisionBody = closedObject({
  outcome: stringEnum(['approve', 'refuse'] as const),
  reason: Type.String({ minLength: 1, maxLength: 2000, example: 'Agreed by the steering committee' }),
});
export type PriorityDecisionBody = Static<typeof priorityDecisionBody>;

/** GET /priorities/portfolio and /priorities/programs/{programId}: now, or as of the end of a day. */
export const rankingQuery = closedObject({ asOf: Type.Optional({ ...isoDate, description: 'The ranking as it stood at the end of this day' }) });
export type RankingQuery = Static<typeof rankingQuery>;

/** GET /priorities/requests. */
export const priorityRequestsQuery = closedObject({
  programId: Type.Optional({ ...uuid, description: 'Only requests about projects of this program' }),
  state: Type.Optional(stringEnum(PRIORITY_REQUEST_STATES)),
});
export type PriorityRequestsQuery = Static<typeof priorityRequestsQuery>;
