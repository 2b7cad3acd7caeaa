import { QueryFailedError } from 'typeorm';
import { isDatabaseUnreachable, isTransientDatabaseError } from './transient-errors';

const pgError = (code: string) => Object.assign(new Error(`postgres said ${code}`), { code });
const failedQuery = (code: string) => new QueryFailedError('SELECT 1', [], pgError(code));

describe('isTransientDatabaseError', () => {
  it.each([
    ['an exhausted pool', new Error('timeout exceeded when trying to connect')],
    ['a connection cut while it was made', new Error('Connection terminated due to connection timeout')],
    ['a statement timeout', failedQuery('57014')],
    ['a serialization failure', failedQuery('40001')],
    ['a deadlock', failedQuery('40P01')],
    ['too many connections', pgError('53300')],
    ['a server shutting down', pgError('57P01')],
    ['a connection exception', pgError('08006')],
    ['a refused socket', pgError('ECONNREFUSED')],
  ])('is true for %s', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failedQuery('23505')],
    ['a check violation', failedQuery('23514')],
    ['a syntax error', failedQuery('42601')],
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['no error at all', 'timeout exceeded when trying to connect'],
  ])('is false for %s', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});

describe('isDatabaseUnreachable', () => {
  it.each([
    ['a refused socket', pgError('ECONNREFUSED'), true],
    ['a connection exception', pgError('08006'), true],
    ['a server shutting down', pgError('57P01'), true],
    ['a connection cut by the server', new Error('Connection terminated unexpectedly'), true],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect'), false],
    ['a statement timeout', failedQuery('57014'), false],
    ['a deadlock', failedQuery('40P01'), false],
    ['a unique violation', failedQuery('23505'), false],
  ])('for %s is %s', (_name, error, unreachable) => {
    expect(isDatabaseUnreachable(error)).toBe(unreachable);
  });
});
