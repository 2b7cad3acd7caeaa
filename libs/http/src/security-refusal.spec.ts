import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { OutOfScopeException } from '@pmo/auth';
import { DomainError, type GovernanceRefusal } from './domain-error';
import { securityEventOf } from './security-refusal';

class OwnRequestError extends DomainError {
  readonly code = 'VARIANCE.OWN_REQUEST';
  readonly kind = 'forbidden';
  override readonly refusal: GovernanceRefusal = { rule: 'separation-of-duties', entityType: 'variance', entityId: 'v-1' };
}

class IllegalTransitionError extends DomainError {
  readonly code = 'STANDARD.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
  override readonly refusal: GovernanceRefusal = { rule: 'lifecycle', entityType: 'standard-version', entityId: 'sv-1' };
}

class NameTakenError extends DomainError {
  readonly code = 'PROGRAM.NAME_TAKEN';
  readonly kind = 'conflict';
}

class VarianceNotFoundError extends DomainError {
  readonly code = 'VARIANCE.NOT_FOUND';
  readonly kind = 'not-found';
}

const attempt = { method: 'POST', route: '/variances/:varianceId/review' };

describe('securityEventOf', () => {
  it.each([
    [
      'a separation-of-duties refusal',
      new OwnRequestError('you requested variance v-1, so you cannot review or decide it'),
      { entityType: 'variance', entityId: 'v-1', rule: 'separation-of-duties', code: 'VARIANCE.OWN_REQUEST', status: 403 },
      'you requested variance v-1, so you cannot review or decide it',
    ],
    [
      'an illegal transition',
      new IllegalTransitionError('version 1.0.0 is draft; allowed: in-review'),
      { entityType: 'standard-version', entityId: 'sv-1', rule: 'lifecycle', code: 'STANDARD.ILLEGAL_TRANSITION', status: 409 },
      'version 1.0.0 is draft; allowed: in-review',
    ],
    [
      'a resource outside the scope, answered as not found',
      new OutOfScopeException('program', 'p-1'),
      { entityType: 'program', entityId: 'p-1', rule: 'scope', code: 'REQUEST.NOT_FOUND', status: 404 },
      "program p-1 is outside the caller's scope (answered as not found)",
    ],
  ])('records %s with its rule, entity, answer and route', (_case, error, expected, reason) => {
    expect(securityEventOf(error, attempt)).toEqual({
      action: 'security.refused',
      entityType: expected.entityType,
      entityId: expected.entityId,
      after: { rule: expected.rule, code: expected.code, status: expected.status, attempted: 'POST /variances/:varianceId/review' },
      reason,
    });
  });

  it.each([
    ['a validation failure', new BadRequestException(['name must be a string'])],
    ['an unknown id', new VarianceNotFoundError('variance v-1 not found')],
    ['a plain not found', new NotFoundException('program p-1 not found')],
    ['a missing role', new ForbiddenException('this action needs one of the roles: auditor')],
    ['a taken name', new NameTakenError('a program named X already exists')],
    ['a failure', new Error('connection refused')],
  ])('records nothing for %s', (_case, error) => {
    expect(securityEventOf(error, attempt)).toBeNull();
  });
});
