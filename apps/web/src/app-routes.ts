import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { PmoClients } from '@pmo/api-contracts/browser';
import type { Role } from './auth/session';

/**
 * One screen of the app: its path, who may open it, and (for top-level screens) its place in the navigation.
 * Each office's area declares its own screens in its routes.ts; App.tsx puts them together.
 */
export interface AppRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Roles that see this screen; anyone signed in when absent. */
  roles?: readonly Role[];
  /** Shown in the navigation under this label when set. */
  nav?: string;
  /** Starts the screen's main queries as it is opened, so they run while its code loads instead of after. */
  prefetch?: (queries: QueryClient, pmo: PmoClients, search: URLSearchParams) => void;
}
