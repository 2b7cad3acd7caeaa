import { Injectable } from '@nestjs/common';
import type { RoadmapKind } from '@pmo/contracts';
import { DataSource } from 'typeorm';
import type { PlannedMilestone } from './roadmap-project-plan.entity';
import { visiblePrograms, withinWindow, type RoadmapEntry, type RoadmapSource, type RoadmapWindow } from './roadmap-entry';

interface PlanRow {
  project_id: string;
  program_id: string;
  start_date: string | null;
  end_date: string | null;
  milestones: PlannedMilestone[];
  name: string;
}

/** Open projects' plans: planned start and end, milestones and go-lives (closed projects drop out). */
@Injectable()
export class ProjectPlanSource implements RoadmapSource {
  readonly kinds: readonly RoadmapKind[] = ['project-start', 'project-end', 'milestone', 'go-live'];

  constructor(private readonly dataSource: DataSource) {}

  async entriesWithin(window: RoadmapWindow): Promise<RoadmapEntry[]> {
    // Dates as text: node-postgres would turn a date into a local-time Date.
    const rows = (await this.dataSource.query(
      `SELECT pl.project_id, pl.program_id, pl.start_date::text AS start_date, pl.end_date::text AS end_date, pl.milestones, p.name
         FROM roadmap_project_plans pl JOIN portfolio_projects p ON p.project_id = pl.project_id
        WHERE p.closed_at IS NULL AND ($1::uuid[] IS NULL OR pl.program_id = ANY($1))`,
      [window.programIds ? [...window.programIds] : null],
    )) as PlanRow[];
    return rows.flatMap((row) => entriesOf(row, window));
  }
}

function entriesOf(row: PlanRow, window: RoadmapWindow): RoadmapEntry[] {
  const programIds = visiblePrograms(window, [row.program_id]);
  if (!programIds) return [];
  const entry = (kind: RoadmapKind, uid: string, date: string, title: string): RoadmapEntry => ({
    uid,
    kind,
    date,
    title,
    programIds,
    projectId: row.project_id,
    versionId: null,
  });
  const entries: RoadmapEntry[] = [];
  if (withinWindow(window, row.start_date)) entries.push(entry('project-start', `project-start.${row.project_id}`, row.start_date, `${row.name} starts`));
  if (withinWindow(window, row.end_date)) entries.push(entry('project-end', `project-end.${row.project_id}`, row.end_date, `${row.name} ends`));
  for (const m of row.milestones) {
    if (withinWindow(window, m.dueOn)) entries.push(entry(m.kind, `${m.kind}.${m.milestoneId}`, m.dueOn, `${row.name}: ${m.name}`));
  }
  return entries.filter((e) => window.kinds.has(e.kind));
}
