import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/api-error';
import { apiUrl, usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';

export type RoadmapEntry = StrategicPmoSchemas['schemas']['RoadmapEntryResponse'];

// The kinds the API knows (libs/contracts ROADMAP_KINDS), with the words the screen shows.
export const KIND_LABELS: Record<string, string> = {
  'project-start': 'Project start',
  'project-end': 'Project end',
  milestone: 'Milestone',
  'go-live': 'Go-live',
  'wave-opening': 'Wave opens',
  'adoption-deadline': 'Adoption deadline',
  'committee-meeting': 'Steering committee meeting',
};

/** The roadmap's filters as the API takes them; empty ones left out. */
export interface RoadmapFilters {
  from?: string;
  to?: string;
  program?: string;
  kind?: string;
}

export function useRoadmapPage(filters: RoadmapFilters, limit: number, offset: number) {
  const pmo = usePmo();
  return useQuery({
    queryKey: ['roadmap', filters, limit, offset],
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: () => unwrap(pmo.strategic.GET('/roadmap', { params: { query: { ...filters, limit, offset } } })),
  });
}

/** Fetches an export with the session's token and saves it under `fileName`. */
export function useRoadmapDownload() {
  const session = useSession();
  return async (format: 'calendar' | 'csv', filters: RoadmapFilters, fileName: string) => {
    const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const response = await fetch(apiUrl('strategic', `/roadmap/${format}?${query.toString()}`), {
      headers: { authorization: `Bearer ${await session.accessToken()}` },
    });
    if (!response.ok) throw new Error(`The export could not be made (HTTP ${response.status}).`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
}

/** Entries grouped by month (`2027-03`), in the order they come. */
export function byMonth(entries: readonly RoadmapEntry[]): [string, RoadmapEntry[]][] {
  const months = new Map<string, RoadmapEntry[]>();
  for (const entry of entries) {
    const month = entry.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), entry]);
  }
  return [...months];
}

/** "March 2027" for `2027-03`, in UTC so the month never shifts with the browser's zone. */
export function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
