import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

// Whoever reads the portfolio's views; a program manager sees his programs' entries only.
const readers = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'auditor'] as const;

export const roadmapRoutes: AppRoute[] = [{ path: '/roadmap', page: lazy(() => import('./RoadmapPage')), roles: readers, nav: 'Roadmap' }];
