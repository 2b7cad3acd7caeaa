import { complianceTimeline } from '@pmo/contracts';
import type { EntityManager } from 'typeorm';
import { tablesOf, type ComplianceModelConfig } from './compliance-model-config';

/**
 * What a rebuild from history found: intervals only the store has, intervals only the rebuild has, and kept
 * counts of open rows (see `createKeptCounts`) that differ from the open rows stored.
 */
export interface ComplianceCheck {
  projects: number;
  intervals: number;
  onlyStored: string[];
  onlyRebuilt: string[];
  countsOff: string[];
}

const CHUNK = 500;

/**
 * Rebuilds every project's intervals from its whole history with the compliance function, up to `now`, and
 * compares them with the stored ones, interval by interval (project, version, state, deadline, bounds). An
 * empty difference means the model kept by events and the clock equals a rebuild from scratch.
 */
export async function checkComplianceModel(manager: EntityManager, config: ComplianceModelConfig, now: Date): Promise<ComplianceCheck> {
  const t = tablesOf(config.prefix);
  const p = config.projects;
  const ids = (
    (await manager.query(`SELECT ${p.id} AS id FROM ${p.table} UNION SELECT DISTINCT project_id FROM ${t.intervals} ORDER BY 1`)) as { id: string }[]
  ).map((r) => r.id);
  // After the clock was moved back, stored intervals may run past now: the rebuild goes as far as they do.
  const [{ latest }] = (await manager.query(`SELECT max(lower(valid)) AS latest FROM ${t.intervals}`)) as { latest: Date | null }[];
  const until = latest && latest > now ? latest : now;
  const check: ComplianceCheck = { projects: ids.length, intervals: 0, onlyStored: [], onlyRebuilt: [], countsOff: await countsOff(manager, config) };
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const stored = (await manager.query(
      `SELECT project_id, version_id, state, adoption_deadline::text AS deadline, lower(valid) AS valid_from, upper(valid) AS valid_to
       FROM ${t.intervals} WHERE project_id = ANY($1::uuid[])`,
      [chunk],
    )) as { project_id: string; version_id: string; state: string; deadline: string; valid_from: Date; valid_to: Date | null }[];
    const storedKeys = new Set(stored.map((r) => keyOf(r.project_id, r.version_id, r.state, r.deadline, r.valid_from, r.valid_to)));
    const rebuilt = new Set<string>();
    for (const history of await config.histories(manager, chunk, null)) {
      for (const { row, validFrom, validTo } of complianceTimeline(history, null, until).intervals) {
        rebuilt.add(keyOf(row.projectId, row.versionId, row.state, row.adoptionDeadline, validFrom, validTo));
      }
    }
    check.intervals += rebuilt.size;
    check.onlyStored.push(...[...storedKeys].filter((k) => !rebuilt.has(k)));
    check.onlyRebuilt.push(...[...rebuilt].filter((k) => !storedKeys.has(k)));
  }
  return check;
}

// Each program × standard × state whose kept count is not the number of open rows, as "kept ≠ counted".
async function countsOff(manager: EntityManager, config: ComplianceModelConfig): Promise<string[]> {
  const t = tablesOf(config.prefix);
  const off = (await manager.query(`
    SELECT program_id, standard_key, state, coalesce(k.n, 0) AS kept, coalesce(o.n, 0) AS counted
    FROM ${t.counts} k
    FULL JOIN (SELECT program_id, standard_key, state, count(*)::int AS n FROM ${t.intervals} WHERE upper_inf(valid) GROUP BY 1, 2, 3) o
      USING (program_id, standard_key, state)
    WHERE k.n IS DISTINCT FROM o.n
    ORDER BY 1, 2, 3`)) as { program_id: string; standard_key: string; state: string; kept: number; counted: number }[];
  return off.map((r) => `${r.program_id} ${r.standard_key} ${r.state}: kept ${r.kept}, counted ${r.counted}`);
}

function keyOf(projectId: string, versionId: string, state: string, deadline: string, from: Date, to: Date | null): string {
  return `${projectId} ${versionId} ${state} ${deadline} [${from.toISOString()}, ${to ? to.toISOString() : '∞'})`;
}
