import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

// The strategic PMO's cross-program readers; program managers see their own programs in it.
const readers = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'auditor'] as const;

export const metricsRoutes: AppRoute[] = [{ path: '/metrics', page: lazy(() => import('./MetricsPage')), roles: readers, nav: 'Metrics' }];
