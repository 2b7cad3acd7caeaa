import { Injectable } from '@nestjs/common';
import { COMPLIANCE_STATES, isCompliant } from '@pmo/contracts';
import { DataSource } from 'typeorm';
import { PortfolioComplianceModel } from '../compliance/portfolio-compliance-model';
import { inPrograms, isoOf, WEEK_ENDS_SQL, windowParams, type MetricWindow } from './metric-window';

interface CompliancePoint {
  at: string;
  total: number;
  compliant: number;
  percentCompliant: number;
}

interface ComplianceSeries {
  /** The standard's key or the program's id. */
  id: string;
  label: string;
  points: CompliancePoint[];
}

export interface ComplianceTrend {
  asOf: string;
  byStandard: ComplianceSeries[];
  byProgram: ComplianceSeries[];
}

const COMPLIANT_STATES = COMPLIANCE_STATES.filter(isCompliant);

/** Compliance per standard and per program at each week end, read from the stored intervals of the read model. */
@Injectable()
export class ComplianceTrendMetrics {
  constructor(
    private readonly dataSource: DataSource,
    private readonly model: PortfolioComplianceModel,
  ) {}

  async trend(window: MetricWindow): Promise<Omit<ComplianceTrend, 'asOf'>> {
    // The intervals are kept in the transactions of the facts; this waits for the marks still pending.
    await this.model.keeper.current();
    const rows = (await this.dataSource.query(
      `WITH weeks AS (${WEEK_ENDS_SQL}),
            c AS (SELECT w.at, i.standard_key, i.program_id, count(*)::int AS total,
                         count(*) FILTER (WHERE i.state = ANY($4::text[]))::int AS compliant
                  FROM weeks w JOIN portfolio_compliance_intervals i ON i.valid @> w.at
                  WHERE ${inPrograms('i.program_id')}
                  GROUP BY GROUPING SETS ((w.at, i.standard_key), (w.at, i.program_id)))
       SELECT c.*, coalesce(c.standard_key, p.name) AS label FROM c LEFT JOIN portfolio_programs p ON p.program_id = c.program_id
       ORDER BY label, c.at`,
      [...windowParams(window), COMPLIANT_STATES],
    )) as { at: Date; standard_key: string | null; program_id: string | null; total: number; compliant: number; label: string | null }[];
    const weekEnds = (await this.dataSource.query(`${WEEK_ENDS_SQL}`, windowParams(window).slice(0, 2))) as { at: Date }[];
    const series = (pick: 'standard_key' | 'program_id'): ComplianceSeries[] => {
      const byId = new Map<string, { label: string; counts: Map<string, { total: number; compliant: number }> }>();
      for (const row of rows) {
        const id = row[pick];
        if (id === null) continue;
        const entry = byId.get(id) ?? { label: row.label ?? id, counts: new Map() };
        entry.counts.set(isoOf(row.at), { total: row.total, compliant: row.compliant });
        byId.set(id, entry);
      }
      // Every series has a point at every week end: a week with no rows reads 0 of 0.
      return [...byId].map(([id, { label, counts }]) => ({
        id,
        label,
        points: weekEnds.map(({ at }) => {
          const { total, compliant } = counts.get(isoOf(at)) ?? { total: 0, compliant: 0 };
          return { at: isoOf(at), total, compliant, percentCompliant: total === 0 ? 0 : Math.round((compliant / total) * 1000) / 10 };
        }),
      }));
    };
    return { byStandard: series('standard_key'), byProgram: series('program_id') };
  }
}
