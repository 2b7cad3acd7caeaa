import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

// The strategic PMO's build-out of itself: its admin changes it, its reviewers and the auditors read it.
const readers = ['strategic-admin', 'strategic-reviewer', 'auditor'] as const;

export const buildoutRoutes: AppRoute[] = [
  { path: '/buildout', page: lazy(() => import('./FoundationPage')), roles: readers, nav: 'PMO build-out' },
  { path: '/buildout/gaps', page: lazy(() => import('./GapsPage')), roles: readers },
  { path: '/buildout/roadmap', page: lazy(() => import('./RoadmapPage')), roles: readers },
];
