import { BadRequestException, ConflictException, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { toErrorBody } from './error-filter';
import { RequestValidationError } from './request-errors';

class StandardNotFoundError extends DomainError {
  readonly code = 'STANDARD.NOT_FOUND';
  readonly kind = 'not-found';
}

class StandardAlreadyPublishedError extends DomainError {
  readonly code = 'STANDARD.ALREADY_PUBLISHED';
  readonly kind = 'conflict';
}

describe('toErrorBody', () => {
  it.each([
    [
      'a validation failure',
      new BadRequestException(['name must be a string', 'property x should not exist']),
      400,
      'REQUEST.VALIDATION',
      'name must be a string; property x should not exist',
    ],
    ['a missing token', new UnauthorizedException('a bearer token is required'), 401, 'AUTH.UNAUTHENTICATED', 'a bearer token is required'],
    ['a missing role', new ForbiddenException('needs strategic-admin'), 403, 'AUTH.FORBIDDEN', 'needs strategic-admin'],
    ['an unknown id', new StandardNotFoundError('standard s-1 not found'), 404, 'STANDARD.NOT_FOUND', 'standard s-1 not found'],
    [
      'an illegal transition',
      new StandardAlreadyPublishedError('standard s-1 is already published'),
      409,
      'STANDARD.ALREADY_PUBLISHED',
      'standard s-1 is already published',
    ],
    ['a conflict from Nest', new ConflictException('stale'), 409, 'REQUEST.CONFLICT', 'stale'],
    [
      'malformed JSON from the body parser',
      Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }),
      400,
      'REQUEST.MALFORMED_JSON',
      'request body is not valid JSON: Unexpected token',
    ],
    [
      'a unique violation',
      new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' })),
      409,
      'REQUEST.DUPLICATE',
      'a resource with the same identity already exists',
    ],
    [
      'a wait for a pooled connection that timed out',
      new Error('timeout exceeded when trying to connect'),
      503,
      'SERVICE.BUSY',
      'the service is busy; retry in 1 s',
    ],
    [
      'a statement cut by statement_timeout',
      new QueryFailedError('SELECT', [], Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })),
      503,
      'SERVICE.BUSY',
      'the service is busy; retry in 1 s',
    ],
    [
      'a session ended idle in a transaction',
      Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), { code: '25P03' }),
      503,
      'SERVICE.BUSY',
      'the service is busy; retry in 1 s',
    ],
    [
      'a database that refuses connections',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      503,
      'SERVICE.BUSY',
      'the database is unavailable; nothing was done, retry in 1 s',
    ],
    [
      'a database shutting down',
      new QueryFailedError('SELECT', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
      503,
      'SERVICE.BUSY',
      'the database is unavailable; nothing was done, retry in 1 s',
    ],
    ['anything else', new Error('connection refused to 10.0.0.1'), 500, 'INTERNAL', 'internal error'],
  ])('maps %s', (_case, error, statusCode, code, message) => {
    expect(toErrorBody(error)).toMatchObject({ statusCode, code, message });
  });
});

class OutsideLeewayError extends DomainError {
  readonly code = 'ADOPTION.OUTSIDE_LEEWAY';
  readonly kind = 'unprocessable';
}

describe('the details of an error body', () => {
  it.each([
    ['a validation that named its fields', new BadRequestException(['name must be a string']), [{ path: '', message: 'name must be a string' }]],
    [
      'a domain error whose items name no field',
      Object.assign(new OutsideLeewayError('STATUS-CADENCE: 30 is outside 7–14'), {
        details: [{ requirementId: 'STATUS-CADENCE', message: '30 is outside 7–14' }],
      }),
      [{ path: '', message: '30 is outside 7–14', requirementId: 'STATUS-CADENCE' }],
    ],
    [
      'a domain error with a problem of an uploaded file',
      Object.assign(new OutsideLeewayError('bad'), { details: [{ file: '1.2.md', line: 3, column: 5, message: 'bad indentation' }] }),
      [{ path: '', message: 'bad indentation', file: '1.2.md', line: 3, column: 5 }],
    ],
    [
      'a domain error with plain strings',
      Object.assign(new OutsideLeewayError('wave 1 has no program'), { details: ['wave 1 has no program'] }),
      [{ path: '', message: 'wave 1 has no program' }],
    ],
  ])('gives every item a path and a message for %s', (_case, error, details) => {
    expect(toErrorBody(error).details).toEqual(details);
  });

  it('keeps the pointer of each field a contract check names', () => {
    const error = new RequestValidationError([{ path: '/percentComplete', message: 'percentComplete must be <= 100' }]);
    expect(toErrorBody(error)).toMatchObject({
      statusCode: 400,
      code: 'REQUEST.VALIDATION',
      message: 'percentComplete must be <= 100',
      details: [{ path: '/percentComplete', message: 'percentComplete must be <= 100' }],
    });
  });
});
