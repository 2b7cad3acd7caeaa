import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inPrograms, isoOf, WEEK_ENDS_SQL, windowParams, type MetricWindow } from './metric-window';

interface VarianceDecisionWeek {
  /** The end of the week; its decisions are those after the previous week's end, up to this instant. */
  at: string;
  decided: number;
  onTime: number;
  medianDays: number | null;
}

export interface VarianceDecisionMetrics {
  asOf: string;
  decided: number;
  onTime: number;
  percentOnTime: number | null;
  medianDays: number | null;
  /** Requests still waiting for a decision whose due date has passed. */
  openPastDue: number;
  weeks: VarianceDecisionWeek[];
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Time to decide a variance request, against the decision SLA its standard sets. */
@Injectable()
export class VarianceMetrics {
  constructor(private readonly dataSource: DataSource) {}

  async decisions(window: MetricWindow): Promise<Omit<VarianceDecisionMetrics, 'asOf'>> {
    // First decisions only (decided_by_subject): a withdrawal is no decision; renewals are decided apart.
    const decided = `SELECT v.decided_at, extract(epoch FROM v.decided_at - v.submitted_at) / 86400 AS days,
                            (v.decided_at AT TIME ZONE 'UTC')::date <= v.decision_due_on AS on_time
                     FROM variance_cases v
                     WHERE v.decided_by_subject IS NOT NULL AND v.decided_at <= $1::timestamptz
                       AND v.decided_at > $1::timestamptz - make_interval(days => 7 * $2::int) AND ${inPrograms('v.program_id')}`;
    const weeks = (await this.dataSource.query(
      `WITH weeks AS (${WEEK_ENDS_SQL}), d AS (${decided})
       SELECT w.at, count(d.decided_at)::int AS decided, count(*) FILTER (WHERE d.on_time)::int AS on_time,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS median_days
         FROM weeks w LEFT JOIN d ON d.decided_at <= w.at AND d.decided_at > w.at - interval '7 days'
        GROUP BY w.at ORDER BY w.at`,
      windowParams(window),
    )) as { at: Date; decided: number; on_time: number; median_days: number | null }[];
    const [total] = (await this.dataSource.query(
      `WITH d AS (${decided})
       SELECT count(*)::int AS decided, count(*) FILTER (WHERE on_time)::int AS on_time,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
              (SELECT count(*)::int FROM variance_cases v WHERE v.state IN ('submitted', 'under-review')
                  AND v.decision_due_on < ($1::timestamptz AT TIME ZONE 'UTC')::date AND ${inPrograms('v.program_id')}) AS open_past_due
         FROM d`,
      windowParams(window),
    )) as { decided: number; on_time: number; median_days: number | null; open_past_due: number }[];
    return {
      decided: total.decided,
      onTime: total.on_time,
      percentOnTime: total.decided === 0 ? null : Math.round((total.on_time / total.decided) * 1000) / 10,
      medianDays: round1(total.median_days),
      openPastDue: total.open_past_due,
      weeks: weeks.map((row) => ({ at: isoOf(row.at), decided: row.decided, onTime: row.on_time, medianDays: round1(row.median_days) })),
    };
  }
}
