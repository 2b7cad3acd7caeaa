import type { ScopedResource } from './access-scope';

export const SCOPE_RESOLVER = Symbol('SCOPE_RESOLVER');

/**
 * Each service tells the guard what its scoped resources belong to, from its own tables.
 * `null` when the id is unknown: the handler then answers its own 404.
 */
export interface ScopeResolver {
  resolve(kind: string, id: string): Promise<ScopedResource | null>;
}
