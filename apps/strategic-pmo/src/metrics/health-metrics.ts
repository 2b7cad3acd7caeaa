import { Injectable } from '@nestjs/common';
import type { HealthRating } from '@pmo/contracts';
import { DataSource } from 'typeorm';
import { countRatings, rollUpRating, type RatingCounts, type RolledUpRating } from './health-rollup';
import { REPORT_VALID_DAYS } from './metric-definitions';
import { inPrograms, isoOf, WEEK_ENDS_SQL, windowParams, type MetricWindow } from './metric-window';

// A report's overall rating: its own, or else the worse of schedule and budget (unrated when it has none).
const OVERALL = `coalesce(r.overall_health,
  CASE WHEN 'red' IN (r.schedule_health, r.budget_health) THEN 'red'
       WHEN 'amber' IN (r.schedule_health, r.budget_health) THEN 'amber'
       WHEN 'green' IN (r.schedule_health, r.budget_health) THEN 'green' END)`;

interface ProgramHealth {
  programId: string;
  code: string;
  name: string;
  rating: RolledUpRating;
  overall: RatingCounts;
  schedule: RatingCounts;
  budget: RatingCounts;
  unrated: number;
}

export interface ProjectHealth {
  projectId: string;
  code: string;
  name: string;
  programId: string;
  reportedAt: string;
  schedule: HealthRating | null;
  budget: HealthRating | null;
  overall: HealthRating | null;
}

export interface HealthTrendPoint extends RatingCounts {
  at: string;
}

export interface HealthReadings {
  asOf: string;
  portfolio: { rating: RolledUpRating; programs: RatingCounts };
  programs: ProgramHealth[];
  trend: HealthTrendPoint[];
  /** Only for one program (the `program` filter): its projects' ratings. */
  projects: ProjectHealth[];
}

interface RedReport {
  projectId: string;
  code: string;
  name: string;
  programId: string;
  programName: string;
  reportId: string;
  redSince: string;
  ageDays: number;
}

export interface RedReports {
  asOf: string;
  count: number;
  byProgram: { programId: string; count: number; oldestDays: number }[];
  /** The oldest first, at most 100. */
  items: RedReport[];
}

interface CountRow {
  program_id: string;
  code: string;
  name: string;
  measure: 'overall' | 'schedule' | 'budget' | 'unrated';
  rating: HealthRating | null;
  n: number;
}

/** Schedule, budget and overall health per project, rolled up per program and portfolio, over time; red reports. */
@Injectable()
export class HealthMetrics {
  constructor(private readonly dataSource: DataSource) {}

  async health(window: MetricWindow, oneProgram: boolean): Promise<Omit<HealthReadings, 'asOf'>> {
    const params = windowParams(window);
    // Each open project's current report (the latest of the last REPORT_VALID_DAYS days), counted per program.
    const current = `SELECT DISTINCT ON (r.project_id) r.project_id, j.program_id, r.submitted_at, r.schedule_health, r.budget_health, ${OVERALL} AS overall
       FROM portfolio_status_reports r JOIN portfolio_projects j ON j.project_id = r.project_id
       WHERE r.submitted_at <= $1::timestamptz AND r.submitted_at > $1::timestamptz - interval '${REPORT_VALID_DAYS} days'
         AND (j.closed_at IS NULL OR j.closed_at > $1::timestamptz) AND ${inPrograms('j.program_id')}
       ORDER BY r.project_id, r.submitted_at DESC`;
    const counts = (await this.dataSource.query(
      `WITH c AS (${current}),
            m AS (SELECT program_id, 'overall' AS measure, overall AS rating FROM c
                  UNION ALL SELECT program_id, 'schedule', schedule_health FROM c
                  UNION ALL SELECT program_id, 'budget', budget_health FROM c),
            open_projects AS (SELECT j.program_id, count(*)::int AS n FROM portfolio_projects j
                  WHERE (j.closed_at IS NULL OR j.closed_at > $1::timestamptz) AND j.registered_at <= $1::timestamptz AND ${inPrograms('j.program_id')} GROUP BY 1)
       SELECT p.program_id, p.code, p.name, m.measure, m.rating, count(*)::int AS n
         FROM m JOIN portfolio_programs p ON p.program_id = m.program_id WHERE m.rating IS NOT NULL GROUP BY 1, 2, 3, 4, 5
       UNION ALL
       SELECT p.program_id, p.code, p.name, 'unrated', NULL, (o.n - (SELECT count(*) FROM c WHERE c.program_id = p.program_id AND c.overall IS NOT NULL))::int
         FROM open_projects o JOIN portfolio_programs p ON p.program_id = o.program_id
       WHERE $2::int > 0`,
      params,
    )) as CountRow[];
    const programs = new Map<string, ProgramHealth>();
    for (const row of counts) {
      let program = programs.get(row.program_id);
      if (!program) {
        const zero = () => ({ green: 0, amber: 0, red: 0 });
        program = {
          programId: row.program_id,
          code: row.code,
          name: row.name,
          rating: 'unrated',
          overall: zero(),
          schedule: zero(),
          budget: zero(),
          unrated: 0,
        };
        programs.set(row.program_id, program);
      }
      if (row.measure === 'unrated') program.unrated = Math.max(0, row.n);
      else if (row.rating) program[row.measure][row.rating] = row.n;
    }
    const list = [...programs.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const program of list) program.rating = rollUpRating(program.overall);
    const programCounts = countRatings(list.map((p) => p.rating));
    return {
      portfolio: { rating: rollUpRating(programCounts), programs: programCounts },
      programs: list,
      trend: await this.trend(window),
      projects: oneProgram ? await this.projects(current, params) : [],
    };
  }

  // One pass over the window's reports: each is current from its submission until the next one or until it is
  // REPORT_VALID_DAYS old, whichever comes first; a week end counts the reports current at it.
  private async trend(window: MetricWindow): Promise<HealthTrendPoint[]> {
    const rows = (await this.dataSource.query(
      `WITH weeks AS (${WEEK_ENDS_SQL}),
            r AS (SELECT r.project_id, j.closed_at, r.submitted_at, ${OVERALL} AS overall,
                         lead(r.submitted_at) OVER (PARTITION BY r.project_id ORDER BY r.submitted_at) AS next_at
                  FROM portfolio_status_reports r JOIN portfolio_projects j ON j.project_id = r.project_id
                  WHERE r.submitted_at <= $1::timestamptz
                    AND r.submitted_at > $1::timestamptz - make_interval(days => 7 * ($2::int - 1) + ${REPORT_VALID_DAYS})
                    AND ${inPrograms('j.program_id')})
       SELECT w.at,
              count(*) FILTER (WHERE r.overall = 'green')::int AS green,
              count(*) FILTER (WHERE r.overall = 'amber')::int AS amber,
              count(*) FILTER (WHERE r.overall = 'red')::int AS red
         FROM weeks w LEFT JOIN r ON r.submitted_at <= w.at AND (r.next_at IS NULL OR r.next_at > w.at)
                                 AND r.submitted_at > w.at - interval '${REPORT_VALID_DAYS} days'
                                 AND (r.closed_at IS NULL OR r.closed_at > w.at)
        GROUP BY w.at ORDER BY w.at`,
      windowParams(window),
    )) as { at: Date; green: number; amber: number; red: number }[];
    return rows.map((row) => ({ at: isoOf(row.at), green: row.green, amber: row.amber, red: row.red }));
  }

  private async projects(current: string, params: unknown[]): Promise<ProjectHealth[]> {
    const rows = (await this.dataSource.query(
      `WITH c AS (${current})
       SELECT c.*, j.code, j.name FROM c JOIN portfolio_projects j ON j.project_id = c.project_id WHERE $2::int > 0 ORDER BY j.name LIMIT 500`,
      params,
    )) as {
      project_id: string;
      program_id: string;
      code: string;
      name: string;
      submitted_at: Date;
      schedule_health: HealthRating | null;
      budget_health: HealthRating | null;
      overall: HealthRating | null;
    }[];
    return rows.map((row) => ({
      projectId: row.project_id,
      code: row.code,
      name: row.name,
      programId: row.program_id,
      reportedAt: isoOf(row.submitted_at),
      schedule: row.schedule_health,
      budget: row.budget_health,
      overall: row.overall,
    }));
  }

  /** Open projects whose current report is red, with the age of their unbroken run of red reports. */
  async redReports(window: MetricWindow): Promise<Omit<RedReports, 'asOf'>> {
    const rows = (await this.dataSource.query(
      `WITH r AS (SELECT r.report_id, r.project_id, r.submitted_at, ${OVERALL} AS overall
                  FROM portfolio_status_reports r JOIN portfolio_projects j ON j.project_id = r.project_id
                  WHERE r.submitted_at <= $1::timestamptz AND r.submitted_at > $1::timestamptz - interval '365 days'
                    AND (j.closed_at IS NULL OR j.closed_at > $1::timestamptz) AND ${inPrograms('j.program_id')}),
            runs AS (SELECT r.*, row_number() OVER w AS newest,
                            max(CASE WHEN overall IS DISTINCT FROM 'red' THEN submitted_at END) OVER (PARTITION BY project_id) AS last_not_red
                     FROM r WINDOW w AS (PARTITION BY project_id ORDER BY submitted_at DESC)),
            red AS (SELECT project_id, report_id, submitted_at,
                           (SELECT min(x.submitted_at) FROM r x WHERE x.project_id = runs.project_id
                              AND x.submitted_at > coalesce(runs.last_not_red, '-infinity'::timestamptz)) AS red_since
                    FROM runs WHERE newest = 1 AND overall = 'red' AND submitted_at > $1::timestamptz - interval '${REPORT_VALID_DAYS} days')
       SELECT red.project_id, red.report_id, red.red_since, j.code, j.name, j.program_id, p.name AS program_name,
              floor(extract(epoch FROM $1::timestamptz - red.red_since) / 86400)::int AS age_days
         FROM red JOIN portfolio_projects j ON j.project_id = red.project_id JOIN portfolio_programs p ON p.program_id = j.program_id
        WHERE $2::int > 0
        ORDER BY red.red_since, j.name`,
      windowParams(window),
    )) as { project_id: string; report_id: string; red_since: Date; code: string; name: string; program_id: string; program_name: string; age_days: number }[];
    const byProgram = new Map<string, { programId: string; count: number; oldestDays: number }>();
    for (const row of rows) {
      const entry = byProgram.get(row.program_id) ?? { programId: row.program_id, count: 0, oldestDays: 0 };
      entry.count += 1;
      entry.oldestDays = Math.max(entry.oldestDays, row.age_days);
      byProgram.set(row.program_id, entry);
    }
    return {
      count: rows.length,
      byProgram: [...byProgram.values()],
      items: rows.slice(0, 100).map((row) => ({
        projectId: row.project_id,
        code: row.code,
        name: row.name,
        programId: row.program_id,
        programName: row.program_name,
        reportId: row.report_id,
        redSince: isoOf(row.red_since),
        ageDays: row.age_days,
      })),
    };
  }
}
