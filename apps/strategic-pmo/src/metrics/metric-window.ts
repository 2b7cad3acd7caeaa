/** The instants a metric's series is read at: the end of each of `weeks` weeks, the last one `asOf` (now). */
export interface MetricWindow {
  asOf: Date;
  weeks: number;
  /** Program ids the caller reaches (a program filter narrows them); null: every program. */
  programIds: string[] | null;
}

/** SQL for the week ends of a window, oldest first, as `weeks(at)`; `$1` is asOf, `$2` the number of weeks. */
export const WEEK_ENDS_SQL = `SELECT $1::timestamptz - make_interval(days => 7 * k) AS at FROM generate_series($2::int - 1, 0, -1) k`;

/** Where a program filter goes in SQL: `$3` is null for every program, or the ids reached. */
export function inPrograms(column: string): string {
  return `($3::uuid[] IS NULL OR ${column} = ANY($3::uuid[]))`;
}

export function windowParams(window: MetricWindow): [string, number, string[] | null] {
  return [window.asOf.toISOString(), window.weeks, window.programIds];
}

/** Date-time to the ISO text the responses carry (pg returns Date for timestamptz). */
export function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}
