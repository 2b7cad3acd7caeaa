import type { PmoRole } from '@pmo/auth';

/** Who may read the strategic PMO's cross-program views; program managers see only their programs in them. */
export const STRATEGIC_VIEW_ROLES: PmoRole[] = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'auditor'];
