import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PmoRole, Principal } from './principal';

export const PUBLIC_ROUTE = 'pmo:public';
export const REQUIRED_ROLES = 'pmo:roles';
export const SCOPE_TARGET = 'pmo:scope';

/** Where a route finds the id of the scoped resource it acts on. */
export type ScopeTarget = { kind: string } & ({ param: string } | { body: string } | { query: string });

/** The route needs no token (health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs at least one of these realm roles, else 403. */
export const Roles = (...roles: PmoRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * The route acts on a resource that belongs to a program (and maybe a project): a caller whose scope does
 * not reach it gets 404, as if it did not exist. Checked before the body is validated, so a foreign id is
 * never disclosed through a validation message either.
 */
export const InScope = (target: ScopeTarget) => SetMetadata(SCOPE_TARGET, target);

/** The verified caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
