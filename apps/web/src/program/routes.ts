import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

export const programRoutes: AppRoute[] = [
  { path: '/programs', page: lazy(() => import('./ProgramsPage')), roles: ['program-manager'], nav: 'Programs' },
  { path: '/programs/:programId', page: lazy(() => import('./ProgramPage')), roles: ['program-manager'] },
];
