/** The longest window one request may ask for, so that an export stays bounded. */
export const MAX_WINDOW_DAYS = 5 * 366;

/**
 * The days a roadmap request covers: from `from` (default today) to `to` (default a year later), or the
 * reason it cannot: `to` before `from`, or a window longer than `MAX_WINDOW_DAYS`.
 */
export function roadmapDays(today: string, from: string | undefined, to: string | undefined): { from: string; to: string } | { problem: string } {
  const start = from ?? today;
  const end = to ?? addDays(start, 365);
  if (end < start) return { problem: `to ${end} is before from ${start}` };
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_WINDOW_DAYS) return { problem: `from ${start} to ${end} spans ${days} days; a roadmap window spans at most ${MAX_WINDOW_DAYS}` };
  return { from: start, to: end };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
