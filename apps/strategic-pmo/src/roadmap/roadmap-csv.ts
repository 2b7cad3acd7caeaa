import { csvCell } from '@pmo/contracts';
import type { LabelledRoadmapEntry } from './roadmap.service';

const HEADER = ['date', 'kind', 'title', 'program_codes', 'program_names', 'project_code', 'project_name', 'version_id', 'uid'];

/** The roadmap as RFC 4180 CSV with a header row; programs of a wave joined by `;` in one cell. */
export function roadmapCsv(entries: readonly LabelledRoadmapEntry[]): string {
  const rows = entries.map((e) => [
    e.date,
    e.kind,
    e.title,
    e.programs.map((p) => p.code).join(';'),
    e.programs.map((p) => p.name).join(';'),
    e.project?.code ?? null,
    e.project?.name ?? null,
    e.versionId,
    e.uid,
  ]);
  return [HEADER, ...rows.map((row) => row.map(csvCell))].map((line) => `${line.join(',')}\r\n`).join('');
}
