import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inPrograms, isoOf, WEEK_ENDS_SQL, windowParams, type MetricWindow } from './metric-window';

export interface WaveBurnUp {
  standardKey: string;
  version: string;
  versionId: string;
  wave: string;
  openedAt: string;
  adoptionDeadline: string;
  /** Open projects of the programs whose earliest wave of the version this is. */
  inScope: number;
  points: { at: string; decided: number }[];
}

/** How fast each opened rollout wave is adopted: projects decided over time against the wave's scope. */
@Injectable()
export class AdoptionMetrics {
  constructor(private readonly dataSource: DataSource) {}

  async waves(window: MetricWindow): Promise<WaveBurnUp[]> {
    const rows = (await this.dataSource.query(
      `WITH weeks AS (${WEEK_ENDS_SQL}),
            waves AS (SELECT o.version_id, o.wave_name, o.opened_at, s.key AS standard_key, v.version, v.rollout
                      FROM wave_openings o JOIN standard_versions v ON v.id = o.version_id JOIN standards s ON s.id = v.standard_id
                      WHERE o.opened_at <= $1::timestamptz ORDER BY o.opened_at DESC, s.key, o.wave_name LIMIT 12),
            -- A program adopts in the earliest wave of the rollout that names it, by id or by tag.
            scope AS (SELECT wv.version_id, wv.wave_name, j.project_id
                      FROM waves wv
                      JOIN portfolio_programs p ON ${inPrograms('p.program_id')}
                      JOIN portfolio_projects j ON j.program_id = p.program_id AND (j.closed_at IS NULL OR j.closed_at > $1::timestamptz)
                      WHERE (SELECT w->>'name' FROM jsonb_array_elements(wv.rollout) w
                              WHERE p.program_id::text IN (SELECT jsonb_array_elements_text(w->'programIds'))
                                 OR p.tags && ARRAY(SELECT jsonb_array_elements_text(w->'programTags'))
                              ORDER BY w->>'opensOn' LIMIT 1) = wv.wave_name),
            firsts AS (SELECT s.version_id, s.wave_name, s.project_id, min(d.decided_at) AS decided_at
                       FROM scope s LEFT JOIN portfolio_adoption_decisions d
                         ON d.project_id = s.project_id AND d.version_id = s.version_id AND d.decision <> 'variance-needed'
                       GROUP BY 1, 2, 3)
       SELECT wv.version_id, wv.wave_name, wv.opened_at, wv.standard_key, wv.version,
              (SELECT w->>'adoptionDeadline' FROM jsonb_array_elements(wv.rollout) w WHERE w->>'name' = wv.wave_name) AS deadline,
              wk.at,
              (SELECT count(*)::int FROM firsts f WHERE f.version_id = wv.version_id AND f.wave_name = wv.wave_name) AS in_scope,
              (SELECT count(*)::int FROM firsts f WHERE f.version_id = wv.version_id AND f.wave_name = wv.wave_name AND f.decided_at <= wk.at) AS decided
         FROM waves wv CROSS JOIN weeks wk
        ORDER BY wv.opened_at DESC, wv.standard_key, wv.wave_name, wk.at`,
      windowParams(window),
    )) as {
      version_id: string;
      wave_name: string;
      opened_at: Date;
      standard_key: string;
      version: string;
      deadline: string;
      at: Date;
      in_scope: number;
      decided: number;
    }[];
    const waves = new Map<string, WaveBurnUp>();
    for (const row of rows) {
      const key = `${row.version_id}/${row.wave_name}`;
      let wave = waves.get(key);
      if (!wave) {
        wave = {
          standardKey: row.standard_key,
          version: row.version,
          versionId: row.version_id,
          wave: row.wave_name,
          openedAt: isoOf(row.opened_at),
          adoptionDeadline: row.deadline,
          inScope: row.in_scope,
          points: [],
        };
        waves.set(key, wave);
      }
      wave.points.push({ at: isoOf(row.at), decided: row.decided });
    }
    return [...waves.values()];
  }
}
