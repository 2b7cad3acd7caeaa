import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PmoRole, Principal } from './principal';

export const PUBLIC_ROUTE = 'pmo:public';
export const REQUIRED_ROLES = 'pmo:roles';

/** The route needs no token (health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs at least one of these realm roles, else 403. */
export const Roles = (...roles: PmoRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The verified caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
