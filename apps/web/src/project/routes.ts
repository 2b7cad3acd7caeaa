import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

// Projects are read by every governance role (scoped by the API); project and program managers act on them.
const readers = ['project-manager', 'program-manager', 'strategic-admin', 'strategic-reviewer', 'auditor'] as const;

export const projectRoutes: AppRoute[] = [
  { path: '/projects', page: lazy(() => import('./ProjectsPage')), roles: [...readers], nav: 'Projects' },
  { path: '/projects/:id', page: lazy(() => import('./ProjectPage')), roles: [...readers] },
];
