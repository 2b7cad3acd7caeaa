import type { AppRoute } from '../app-routes';

export const auditRoutes: AppRoute[] = [];
