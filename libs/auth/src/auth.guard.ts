import { ForbiddenException, Inject, Injectable, NotFoundException, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_ROLES, SCOPE_TARGET, type ScopeTarget } from './access.decorators';
import { AccessScope, GOVERNANCE_ROLES } from './access-scope';
import type { Principal } from './principal';
import { SCOPE_RESOLVER, type ScopeResolver } from './scope-resolver';
import { InvalidTokenError, type TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  principal?: Principal;
}

/**
 * A resource outside the caller's scope: answered exactly as an unknown id (404, same body), and carries
 * what it was so that the refusal can be audited.
 */
export class OutOfScopeException extends NotFoundException {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} ${id} not found`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every route needs a valid bearer token unless marked `@Public()`. `@Roles(...)` names who may call it
 * (403 for other roles); a route without it is open to the governance roles. `@InScope(...)` then hides
 * resources outside the caller's programs and projects (404). The verified principal (with its roles and
 * groups) is put on the request for handlers and the audit log.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Event handlers are reached through the broker, not through a request with a token.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <token>)');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(`invalid bearer token: ${error.message}`);
      throw error;
    }
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets) ?? GOVERNANCE_ROLES;
    if (!required.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`this action needs one of the roles: ${required.join(', ')}`);
    }
    const target = this.reflector.getAllAndOverride<ScopeTarget | undefined>(SCOPE_TARGET, targets);
    if (target) await this.checkScope(target, request, principal);
    return true;
  }

  private async checkScope(target: ScopeTarget, request: AuthenticatedRequest, principal: Principal): Promise<void> {
    const scope = AccessScope.of(principal);
    if (scope.organisationWide) return;
    const id = idOf(target, request);
    // An id that is not one (or is missing) is left to validation and the handler's own answer.
    if (typeof id !== 'string' || !UUID.test(id)) return;
    const resolver = this.moduleRef.get<ScopeResolver>(SCOPE_RESOLVER, { strict: false });
    const resource = await resolver.resolve(target.kind, id);
    if (resource && !scope.reaches(resource)) throw new OutOfScopeException(target.kind, id);
  }
}

function idOf(target: ScopeTarget, request: AuthenticatedRequest): unknown {
  if ('param' in target) return request.params?.[target.param];
  if ('query' in target) return request.query?.[target.query];
  const body = request.body;
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[target.body] : undefined;
}
