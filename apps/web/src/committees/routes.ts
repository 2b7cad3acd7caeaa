import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

// Steering committees: the strategic admin sets them up, members (admins and reviewers) run the meetings, auditors read.
const readers = ['strategic-admin', 'strategic-reviewer', 'auditor'] as const;

export const committeeRoutes: AppRoute[] = [
  { path: '/committees', page: lazy(() => import('./CommitteesPage')), roles: readers, nav: 'Steering committees' },
  { path: '/committees/:committeeId', page: lazy(() => import('./CommitteePage')), roles: readers },
  { path: '/committees/:committeeId/meetings/:meetingId', page: lazy(() => import('./MeetingPage')), roles: readers },
];
