import type { AppRoute } from '../app-routes';

export const programRoutes: AppRoute[] = [];
