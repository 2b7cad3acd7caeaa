import { moveTo, orderOf } from './ranking';

const member = (projectId: string, day: number) => ({ projectId, registeredAt: new Date(Date.UTC(2031, 0, day)) });

describe('orderOf', () => {
  it.each([
    ['no stored order: by registration', [], [member('b', 2), member('a', 1)], ['a', 'b']],
    [
      'stored order kept, newcomers after it by registration',
      ['c', 'a'],
      [member('a', 1), member('b', 3), member('c', 2), member('d', 2)],
      ['c', 'a', 'd', 'b'],
    ],
    // A closed project is no member: it leaves, and the ones below move up a place.
    ['closed project leaves', ['a', 'b', 'c'], [member('a', 1), member('c', 3)], ['a', 'c']],
    ['same registration instant: by id, so every reader agrees', [], [member('y', 1), member('x', 1)], ['x', 'y']],
  ])('%s', (_why, stored, members, expected) => {
    expect(orderOf(stored, members)).toEqual(expected);
  });
});

describe('moveTo', () => {
  it.each([
    ['up: the ones between move down one', ['a', 'b', 'c', 'd'], 'c', 1, ['c', 'a', 'b', 'd']],
    ['down: the ones between move up one', ['a', 'b', 'c', 'd'], 'a', 3, ['b', 'c', 'a', 'd']],
    ['to its own place: nothing moves', ['a', 'b', 'c'], 'b', 2, ['a', 'b', 'c']],
    ['to the end', ['a', 'b', 'c'], 'a', 3, ['b', 'c', 'a']],
  ])('%s', (_why, order, projectId, rank, expected) => {
    expect(moveTo(order, projectId, rank)).toEqual(expected);
  });

  it('refuses a rank outside the ranking and a project not in it', () => {
    expect(() => moveTo(['a', 'b'], 'a', 3)).toThrow('rank 3 is outside 1–2');
    expect(() => moveTo(['a', 'b'], 'a', 0)).toThrow('rank 0 is outside 1–2');
    expect(() => moveTo(['a'], 'z', 1)).toThrow('project z is not in the ranking');
  });
});
