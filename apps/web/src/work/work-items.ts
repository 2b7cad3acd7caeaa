/** One thing that waits for the signed-in person, and the screen where it is done. */
export interface WorkItem {
  id: string;
  /** The day it is due (YYYY-MM-DD): a deadline, or the day it arrived when it has none. */
  due: string;
  /** When it arrived or was last touched (ISO), newest first among the same due day. */
  since: string;
  what: string;
  kind: string;
  service: 'strategic' | 'program' | 'project';
  to: string;
  /** The platform says it is late, or its due day has passed. */
  late: boolean;
}

/** Most urgent first (earliest due day), then newest. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  return a.due.localeCompare(b.due) || b.since.localeCompare(a.since) || a.id.localeCompare(b.id);
}

export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
