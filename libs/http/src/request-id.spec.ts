import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it.each([
    ['a UUID', '3f2b8c1e-1d2a-4c55-9e0b-6a1f2d3c4b5a'],
    ['a proxy token', 'edge.req:42_A-b'],
    ['128 characters', 'a'.repeat(128)],
  ])('keeps %s from the caller', (_case, given) => {
    expect(requestIdOf(given)).toBe(given);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['129 characters', 'a'.repeat(129)],
    ['spaces and markup', 'x <script>'],
    ['a line break', 'id\r\nSet-Cookie: a=b'],
  ])('replaces %s with a new UUID', (_case, given) => {
    expect(requestIdOf(given)).toMatch(UUID);
  });

  it('takes the first of repeated headers', () => {
    expect(requestIdOf(['first-id', 'second-id'])).toBe('first-id');
  });
});
