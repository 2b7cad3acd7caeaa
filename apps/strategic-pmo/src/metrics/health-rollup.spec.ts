import { countRatings, rollUpRating } from './health-rollup';

describe('rollUpRating', () => {
  it.each([
    [{ green: 0, amber: 0, red: 0 }, 'unrated'],
    [{ green: 4, amber: 0, red: 0 }, 'green'],
    // 1 of 5 amber is under a quarter.
    [{ green: 4, amber: 1, red: 0 }, 'green'],
    [{ green: 3, amber: 1, red: 0 }, 'amber'],
    // One red among many is amber, never green.
    [{ green: 9, amber: 0, red: 1 }, 'amber'],
    [{ green: 3, amber: 0, red: 1 }, 'red'],
    [{ green: 0, amber: 3, red: 1 }, 'red'],
    [{ green: 0, amber: 0, red: 1 }, 'red'],
  ] as const)('rolls %j up to %s', (counts, rating) => {
    expect(rollUpRating(counts)).toBe(rating);
  });
});

describe('countRatings', () => {
  it('counts each rating and leaves out the unrated', () => {
    expect(countRatings(['red', 'unrated', 'green', 'red'])).toEqual({ green: 1, amber: 0, red: 2 });
  });
});
