import type { HealthRating } from '@pmo/contracts';

/** How many members (projects of a program, programs of the portfolio) carry each rating. */
export interface RatingCounts {
  green: number;
  amber: number;
  red: number;
}

/** A roll-up's rating; `unrated` when no member has a current rating. */
export type RolledUpRating = HealthRating | 'unrated';

// A quarter: one red project in a large program does not turn it red, but it never stays green either.
const SHARE = 0.25;

/**
 * The roll-up rule (docs/metrics.md): red when at least a quarter of the rated members are red; amber when
 * any member is red, or at least a quarter are amber or red; green otherwise; unrated with no rated member.
 */
export function rollUpRating({ green, amber, red }: RatingCounts): RolledUpRating {
  const rated = green + amber + red;
  if (rated === 0) return 'unrated';
  if (red >= SHARE * rated) return 'red';
  if (red > 0 || amber + red >= SHARE * rated) return 'amber';
  return 'green';
}

/** Counts of ratings, leaving out the unrated. */
export function countRatings(ratings: readonly RolledUpRating[]): RatingCounts {
  const counts: RatingCounts = { green: 0, amber: 0, red: 0 };
  for (const rating of ratings) if (rating !== 'unrated') counts[rating] += 1;
  return counts;
}
