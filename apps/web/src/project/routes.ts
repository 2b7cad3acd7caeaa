import type { AppRoute } from '../app-routes';

export const projectRoutes: AppRoute[] = [];
