import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

const strategic = ['strategic-admin', 'strategic-reviewer'] as const;
const readers = [...strategic, 'auditor'] as const;

export const strategicRoutes: AppRoute[] = [
  { path: '/catalog', page: lazy(() => import('./CatalogPage')), roles: readers, nav: 'Catalog' },
  { path: '/standards/:standardId', page: lazy(() => import('./StandardPage')), roles: readers },
  { path: '/standards/:standardId/versions/:version', page: lazy(() => import('./VersionPage')), roles: readers },
  { path: '/standards/:standardId/diff', page: lazy(() => import('./DiffPage')), roles: readers },
];
