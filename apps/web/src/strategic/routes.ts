import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

const strategic = ['strategic-admin', 'strategic-reviewer'] as const;

export const strategicRoutes: AppRoute[] = [{ path: '/catalog', page: lazy(() => import('./CatalogPage')), roles: [...strategic, 'auditor'], nav: 'Catalog' }];
