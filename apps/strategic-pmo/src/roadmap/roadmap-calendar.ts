import ical from 'ical-generator';
import type { LabelledRoadmapEntry } from './roadmap.service';

// The domain part of every UID: a UID is unique across calendars, so it names where it comes from.
const UID_DOMAIN = 'roadmap.pmo';

/**
 * The roadmap as an iCalendar (RFC 5545) document: one all-day event per entry, its UID stable so that a
 * calendar importing the export again updates the events it has instead of adding them twice.
 */
export function roadmapCalendar(entries: readonly LabelledRoadmapEntry[], name: string): string {
  const calendar = ical({ name, prodId: { company: 'pmo', product: 'roadmap', language: 'EN' } });
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.uid}@${UID_DOMAIN}`,
      start: entry.date,
      allDay: true,
      summary: entry.title,
      description: describe(entry),
      categories: [{ name: entry.kind }],
    });
  }
  return calendar.toString();
}

function describe(entry: LabelledRoadmapEntry): string {
  const lines = [`Kind: ${entry.kind}`];
  if (entry.programs.length > 0) lines.push(`Programs: ${entry.programs.map((p) => p.name).join(', ')}`);
  if (entry.project) lines.push(`Project: ${entry.project.name} (${entry.project.code})`);
  return lines.join('\n');
}
