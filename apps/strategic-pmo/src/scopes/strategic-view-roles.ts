import type { PmoRole } from '@pmo/auth';

/** Who may read the strategic PMO's cross-program views; program managers see only their programs in them. */
export const STRATEGIC_VIEW_ROLES: PmoRole[] = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'auditor'];

/** Who may decide a variance: the decision route and a steering committee's decision check the same list. */
export const VARIANCE_DECIDERS: PmoRole[] = ['strategic-admin'];

/** Who may confirm or revoke an approval that needs review: those routes and a steering committee's decision check the same list. */
export const VARIANCE_REVIEWERS: PmoRole[] = ['strategic-reviewer', 'strategic-admin'];

/** Who may triage feedback: the triage route and a steering committee's decision check the same list. */
export const FEEDBACK_TRIAGERS: PmoRole[] = ['strategic-reviewer', 'strategic-admin'];
