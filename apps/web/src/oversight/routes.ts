import type { AppRoute } from '../app-routes';

export const oversightRoutes: AppRoute[] = [];
