import { lazy } from 'react';
import type { AppRoute } from '../app-routes';
import { filtersOf, portfolioHeatmapQuery, portfolioSummaryQuery } from './portfolio-queries';

// The strategic PMO oversees; the auditor reads what the APIs let him read (actions answer 403 for him).
const overseers = ['strategic-admin', 'strategic-reviewer', 'auditor'] as const;

export const oversightRoutes: AppRoute[] = [
  { path: '/variances', page: lazy(() => import('./VarianceQueuePage')), roles: overseers, nav: 'Variances' },
  { path: '/variances/:varianceId', page: lazy(() => import('./VariancePage')), roles: overseers },
  { path: '/feedback', page: lazy(() => import('./FeedbackInboxPage')), roles: overseers, nav: 'Feedback' },
  {
    path: '/portfolio',
    page: lazy(() => import('./PortfolioPage')),
    roles: overseers,
    nav: 'Portfolio',
    prefetch: (queries, pmo, search) => {
      const filters = filtersOf(search);
      void queries.prefetchQuery(portfolioSummaryQuery(pmo, filters));
      void queries.prefetchQuery(portfolioHeatmapQuery(pmo, filters));
    },
  },
];
