import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

export const auditRoutes: AppRoute[] = [{ path: '/audit', page: lazy(() => import('./AuditPage')), roles: ['auditor'], nav: 'Audit' }];
