import { lazy } from 'react';
import type { AppRoute } from '../app-routes';

export const workRoutes: AppRoute[] = [{ path: '/', page: lazy(() => import('./MyWorkPage')), nav: 'My work' }];
