import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

// Those who read the strategic PMO's cross-program views; the priority policy decides who may change what.
const readers = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'auditor'] as const;

export const prioritiesRoutes: AppRoute[] = [{ path: '/priorities', page: lazy(() => import('./PrioritiesPage')), roles: readers, nav: 'Priorities' }];
