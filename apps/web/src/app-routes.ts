import type { ComponentType, LazyExoticComponent } from 'react';
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
}
