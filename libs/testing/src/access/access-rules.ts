/**
 * Who may call each endpoint: the one table the authorization matrix checks every service against.
 * A role not listed gets 403. A listed role that is not organisation-wide (program-manager,
 * project-manager) gets 404 on a resource outside its programs and projects; lists are filtered instead.
 */
type Role = 'strategic-admin' | 'strategic-reviewer' | 'program-manager' | 'project-manager' | 'auditor' | 'platform-admin';

export interface AccessRule {
  /** `public`: no token needed (health). */
  roles: readonly Role[] | 'public';
}

const GOVERNANCE: Role[] = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'project-manager', 'auditor'];
const STRATEGIC_VIEW: Role[] = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'auditor'];
const ADMIN: Role[] = ['strategic-admin'];
const REVIEWERS: Role[] = ['strategic-reviewer', 'strategic-admin'];
const PROGRAM_ACTORS: Role[] = ['program-manager', 'strategic-admin'];
const PROJECT_ACTORS: Role[] = ['project-manager', 'program-manager', 'strategic-admin'];
const AUDITORS: Role[] = ['auditor'];
/** The strategic PMO's own build-out: its admin writes, its reviewers and the auditors read. */
const BUILDOUT_READERS: Role[] = ['strategic-admin', 'strategic-reviewer', 'auditor'];
/** The roles a priority policy may name; the policy in force decides further (docs/priorities.md). */
const PRIORITY_ROLES: Role[] = ['strategic-admin', 'strategic-reviewer', 'program-manager'];
/** Steering committees: the admin sets them up, members (admins and reviewers) run the meetings, auditors read. */
const COMMITTEE_READERS: Role[] = ['strategic-admin', 'strategic-reviewer', 'auditor'];

/** Endpoints every service has. */
const EVERY_SERVICE: Record<string, AccessRule> = {
  'GET /health/live': { roles: 'public' },
  'GET /health/ready': { roles: 'public' },
  'GET /metrics': { roles: 'public' },
  'GET /clock': { roles: [...GOVERNANCE, 'platform-admin'] },
  'PUT /clock': { roles: ['platform-admin'] },
  'GET /audit': { roles: AUDITORS },
  'GET /audit/verify': { roles: AUDITORS },
};

export const ACCESS_RULES: Record<'strategic-pmo' | 'program-pmo' | 'project-pmo', Record<string, AccessRule>> = {
  'strategic-pmo': {
    ...EVERY_SERVICE,
    'POST /standards': { roles: ADMIN },
    'GET /standards': { roles: GOVERNANCE },
    'GET /standards/{standardId}': { roles: GOVERNANCE },
    'POST /standards/{standardId}/versions': { roles: ADMIN },
    'GET /standards/{standardId}/versions/{version}': { roles: GOVERNANCE },
    'PATCH /standards/{standardId}/versions/{version}': { roles: ADMIN },
    'DELETE /standards/{standardId}/versions/{version}': { roles: ADMIN },
    'POST /standards/{standardId}/versions/{version}/submit': { roles: ADMIN },
    'POST /standards/{standardId}/versions/{version}/return': { roles: ADMIN },
    'POST /standards/{standardId}/versions/{version}/publish': { roles: ADMIN },
    'POST /standards/{standardId}/versions/{version}/preview': { roles: REVIEWERS },
    'POST /standards/{standardId}/versions/{version}/retire': { roles: ADMIN },
    'POST /standards/{standardId}/versions/{version}/validate': { roles: GOVERNANCE },
    'GET /standards/{standardId}/diff': { roles: GOVERNANCE },
    'PUT /standards/{standardId}/versions/{version}/playbook': { roles: ADMIN },
    'GET /standards/{standardId}/versions/{version}/playbook': { roles: GOVERNANCE },
    'GET /standards/{standardId}/versions/{version}/playbook/key-tasks/{keyTask}/raci': { roles: GOVERNANCE },
    'GET /portfolio/programs': { roles: STRATEGIC_VIEW },
    'GET /portfolio/compliance': { roles: STRATEGIC_VIEW },
    'GET /portfolio/compliance/summary': { roles: STRATEGIC_VIEW },
    'GET /portfolio/compliance/heatmap': { roles: STRATEGIC_VIEW },
    'GET /portfolio/compliance/rows': { roles: STRATEGIC_VIEW },
    'GET /portfolio/compliance/export': { roles: STRATEGIC_VIEW },
    'GET /portfolio/metrics/definitions': { roles: STRATEGIC_VIEW },
    'GET /portfolio/metrics/health': { roles: STRATEGIC_VIEW },
    'GET /portfolio/metrics/red-reports': { roles: STRATEGIC_VIEW },
    'GET /portfolio/metrics/variance-decisions': { roles: STRATEGIC_VIEW },
    'GET /portfolio/metrics/adoption-waves': { roles: STRATEGIC_VIEW },
    'GET /portfolio/metrics/compliance-trend': { roles: STRATEGIC_VIEW },
    'GET /variances': { roles: STRATEGIC_VIEW },
    'GET /variances/{varianceId}': { roles: STRATEGIC_VIEW },
    'POST /variances/{varianceId}/review': { roles: REVIEWERS },
    'POST /variances/{varianceId}/decide': { roles: ADMIN },
    'GET /variances/{varianceId}/impact': { roles: STRATEGIC_VIEW },
    'POST /variances/{varianceId}/conditions/{conditionId}/done': { roles: REVIEWERS },
    'POST /variances/{varianceId}/confirm': { roles: REVIEWERS },
    'POST /variances/{varianceId}/revoke': { roles: REVIEWERS },
    'POST /variances/{varianceId}/renewal/review': { roles: REVIEWERS },
    'POST /variances/{varianceId}/renewal/decide': { roles: ADMIN },
    'PUT /standards/{standardId}/variance-policy': { roles: ADMIN },
    'PUT /standards/{standardId}/grandfathering-policy': { roles: ADMIN },
    'GET /feedback': { roles: STRATEGIC_VIEW },
    'POST /feedback/{feedbackId}/triage': { roles: REVIEWERS },
    'GET /buildout/foundation': { roles: BUILDOUT_READERS },
    'PUT /buildout/foundation': { roles: ADMIN },
    'GET /buildout/assessments': { roles: BUILDOUT_READERS },
    'POST /buildout/assessments': { roles: ADMIN },
    'GET /buildout/gaps': { roles: BUILDOUT_READERS },
    'GET /buildout/maturity-trend': { roles: BUILDOUT_READERS },
    'GET /buildout/offerings': { roles: BUILDOUT_READERS },
    'POST /buildout/offerings': { roles: ADMIN },
    'PUT /buildout/offerings/{offeringId}/state': { roles: ADMIN },
    'GET /buildout/roadmap': { roles: BUILDOUT_READERS },
    'POST /buildout/waves': { roles: ADMIN },
    'GET /priorities/portfolio': { roles: STRATEGIC_VIEW },
    'GET /priorities/programs/{programId}': { roles: STRATEGIC_VIEW },
    'GET /priorities/projects/{projectId}/history': { roles: STRATEGIC_VIEW },
    'POST /priorities/changes': { roles: PRIORITY_ROLES },
    'GET /priorities/requests': { roles: STRATEGIC_VIEW },
    'POST /priorities/requests': { roles: PRIORITY_ROLES },
    'POST /priorities/requests/{requestId}/decision': { roles: PRIORITY_ROLES },
    'GET /committees': { roles: COMMITTEE_READERS },
    'POST /committees': { roles: ADMIN },
    'GET /committees/{committeeId}': { roles: COMMITTEE_READERS },
    'PUT /committees/{committeeId}': { roles: ADMIN },
    'POST /committees/{committeeId}/meetings': { roles: REVIEWERS },
    'GET /committees/{committeeId}/meetings/{meetingId}': { roles: COMMITTEE_READERS },
    'POST /committees/{committeeId}/meetings/{meetingId}/agenda': { roles: REVIEWERS },
    'PUT /committees/{committeeId}/meetings/{meetingId}/attendance': { roles: REVIEWERS },
    'POST /committees/{committeeId}/meetings/{meetingId}/decisions/variances/{varianceId}': { roles: REVIEWERS },
    'POST /committees/{committeeId}/meetings/{meetingId}/decisions/feedback/{feedbackId}': { roles: REVIEWERS },
    'POST /committees/{committeeId}/meetings/{meetingId}/decisions/priorities/{requestId}': { roles: REVIEWERS },
    'POST /committees/{committeeId}/meetings/{meetingId}/decisions/variance-reviews/{varianceId}': { roles: REVIEWERS },
    'POST /committees/{committeeId}/meetings/{meetingId}/resolutions': { roles: REVIEWERS },
    'POST /committees/{committeeId}/meetings/{meetingId}/close': { roles: REVIEWERS },
    'GET /committees/{committeeId}/meetings/{meetingId}/minutes': { roles: COMMITTEE_READERS },
    'GET /committees/{committeeId}/meetings/{meetingId}/decision-log': { roles: COMMITTEE_READERS },
    'GET /roadmap': { roles: STRATEGIC_VIEW },
    'GET /roadmap/calendar': { roles: STRATEGIC_VIEW },
    'GET /roadmap/csv': { roles: STRATEGIC_VIEW },
  },
  'program-pmo': {
    ...EVERY_SERVICE,
    'POST /programs': { roles: PROGRAM_ACTORS },
    'GET /programs': { roles: GOVERNANCE },
    'GET /programs/{programId}': { roles: GOVERNANCE },
    'GET /programs/{programId}/projects': { roles: GOVERNANCE },
    'GET /programs/{programId}/standards': { roles: GOVERNANCE },
    'POST /programs/{programId}/adoptions': { roles: PROGRAM_ACTORS },
    'GET /programs/{programId}/adoptions': { roles: GOVERNANCE },
    'GET /programs/{programId}/overdue-notices': { roles: GOVERNANCE },
    'GET /programs/{programId}/compliance': { roles: GOVERNANCE },
    'GET /programs/{programId}/compliance/summary': { roles: GOVERNANCE },
    'GET /programs/{programId}/compliance/rows': { roles: GOVERNANCE },
    'GET /programs/{programId}/compliance/export': { roles: GOVERNANCE },
    'POST /programs/{programId}/feedback': { roles: PROJECT_ACTORS },
    'GET /programs/{programId}/feedback': { roles: GOVERNANCE },
    'POST /programs/{programId}/variances': { roles: PROGRAM_ACTORS },
    'GET /programs/{programId}/variances': { roles: GOVERNANCE },
    'GET /programs/{programId}/variances/{varianceId}': { roles: GOVERNANCE },
    'POST /programs/{programId}/variances/{varianceId}/withdraw': { roles: PROGRAM_ACTORS },
    'POST /programs/{programId}/variances/{varianceId}/revisions': { roles: PROGRAM_ACTORS },
    'POST /programs/{programId}/variances/{varianceId}/renewals': { roles: PROGRAM_ACTORS },
    'GET /programs/{programId}/variance-proposals': { roles: GOVERNANCE },
    'POST /programs/{programId}/variance-proposals/{proposalId}/forward': { roles: PROGRAM_ACTORS },
    'POST /programs/{programId}/variance-proposals/{proposalId}/reject': { roles: PROGRAM_ACTORS },
    'GET /programs/{programId}/variance-notices': { roles: GOVERNANCE },
  },
  'project-pmo': {
    ...EVERY_SERVICE,
    'GET /programs': { roles: GOVERNANCE },
    'GET /programs/{programId}': { roles: GOVERNANCE },
    'POST /projects': { roles: PROJECT_ACTORS },
    'GET /projects': { roles: GOVERNANCE },
    'GET /projects/{projectId}': { roles: GOVERNANCE },
    'PATCH /projects/{projectId}': { roles: PROJECT_ACTORS },
    'POST /projects/{projectId}/close': { roles: PROJECT_ACTORS },
    'GET /projects/{projectId}/review': { roles: GOVERNANCE },
    'POST /projects/{projectId}/review/lessons/{lessonId}/send-as-feedback': { roles: PROJECT_ACTORS },
    'GET /projects/{projectId}/milestones': { roles: GOVERNANCE },
    'POST /projects/{projectId}/milestones': { roles: PROJECT_ACTORS },
    'PATCH /projects/{projectId}/milestones/{milestoneId}': { roles: PROJECT_ACTORS },
    'DELETE /projects/{projectId}/milestones/{milestoneId}': { roles: PROJECT_ACTORS },
    'GET /projects/{projectId}/requirements': { roles: GOVERNANCE },
    'POST /projects/{projectId}/status-reports': { roles: PROJECT_ACTORS },
    'GET /projects/{projectId}/status-reports': { roles: GOVERNANCE },
    'PUT /projects/{projectId}/requirements/{requirementId}/status': { roles: PROJECT_ACTORS },
    'POST /projects/{projectId}/variance-proposals': { roles: PROJECT_ACTORS },
    'GET /projects/{projectId}/variance-proposals': { roles: GOVERNANCE },
  },
};

/** Only the strategic admin is never told about resources: reviewers and auditors reach everything too. */
const ORGANISATION_WIDE: Role[] = ['strategic-admin', 'strategic-reviewer', 'auditor'];

/** Path parameters that name a resource inside a program or a project: the ones scoping hides. */
export const SCOPED_PARAMS = ['programId', 'projectId', 'varianceId', 'feedbackId', 'proposalId'] as const;

/** A user of the matrix: his role (none for a user without any platform role). */
export interface MatrixUser {
  username: string;
  role: Role | null;
}

export type Expected = 'allowed' | 'forbidden' | 'hidden';

/** The expected answer of one cell: endpoint × user × own or foreign scope. */
export function expectedAnswer(rule: AccessRule, user: MatrixUser, scoped: boolean, foreign: boolean): Expected {
  if (rule.roles === 'public') return 'allowed';
  if (!user.role || !rule.roles.includes(user.role)) return 'forbidden';
  if (scoped && foreign && !ORGANISATION_WIDE.includes(user.role)) return 'hidden';
  return 'allowed';
}
