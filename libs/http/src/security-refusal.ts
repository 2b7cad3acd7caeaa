import { Logger } from '@nestjs/common';
import { OutOfScopeException, type Principal } from '@pmo/auth';
import { AuditLog } from '@pmo/persistence';
import type { DataSource } from 'typeorm';
import { DomainError, type GovernanceRefusal } from './domain-error';
import { toErrorBody } from './error-filter';

/** The audit action of a refused governance attempt. */
const SECURITY_REFUSED = 'security.refused';

/** What a refused request tried: its method and route (the pattern, `/variances/:varianceId/review`). */
export interface Attempt {
  method: string;
  route: string;
}

/** The audit entry of a refused attempt, but its actor. */
export interface SecurityEvent {
  action: typeof SECURITY_REFUSED;
  entityType: string;
  entityId: string;
  after: { rule: GovernanceRefusal['rule']; code: string; status: number; attempted: string };
  reason: string;
}

/**
 * The security event of an error, if it refuses a governance rule: separation of duties, a lifecycle
 * transition, a scope. Ordinary validation, unknown ids and conflicts of identity are not events (null).
 * A scope refusal answers 404 as an unknown id does; the entry says what it was.
 */
export function securityEventOf(error: unknown, attempt: Attempt): SecurityEvent | null {
  let refusal: GovernanceRefusal;
  let reason: string;
  if (error instanceof DomainError && error.refusal) {
    refusal = error.refusal;
    reason = error.message;
  } else if (error instanceof OutOfScopeException) {
    refusal = { rule: 'scope', entityType: error.kind, entityId: error.id };
    reason = `${error.kind} ${error.id} is outside the caller's scope (answered as not found)`;
  } else return null;
  const answer = toErrorBody(error);
  return {
    action: SECURITY_REFUSED,
    entityType: refusal.entityType,
    entityId: refusal.entityId,
    after: { rule: refusal.rule, code: answer.code, status: answer.statusCode, attempted: `${attempt.method} ${attempt.route}` },
    reason,
  };
}

/** The parts of an Express request a refusal is recorded from. */
export interface RefusedRequest {
  method: string;
  path: string;
  route?: { path?: unknown };
  principal?: Principal;
}

/**
 * Audits refused governance attempts. The request's own transaction has rolled back by the time its error
 * reaches the filter, so the entry is written in a transaction of its own: one INSERT, no lock (the chain is
 * sealed later, in batches), so a flood of refusals does not hold up the chain. A failure to record is logged
 * and never changes the answer.
 */
export class SecurityRefusals {
  private readonly logger = new Logger('SecurityRefusals');

  constructor(private readonly dataSource: DataSource) {}

  /** Records the refusal if `error` is one; resolves when done (never rejects), undefined when it is not one. */
  record(error: unknown, request: RefusedRequest, requestId: string | undefined): Promise<void> | undefined {
    const route = typeof request.route?.path === 'string' ? request.route.path : request.path;
    const event = securityEventOf(error, { method: request.method, route });
    if (!event) return undefined;
    const actor = request.principal ? { subject: request.principal.subject, name: request.principal.name } : { subject: 'anonymous', name: 'anonymous' };
    return this.dataSource
      .transaction((manager) => AuditLog.record(manager, { actor, ...event, requestId }))
      .catch((failure: unknown) => this.logger.error({ err: failure, requestId, refusal: event.after }, 'refused attempt not audited'));
  }
}
