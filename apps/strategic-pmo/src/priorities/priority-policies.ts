import { Injectable } from '@nestjs/common';
import { appliesToProgram, specificityOf, type Applicability, type PriorityPolicy, type PriorityScope } from '@pmo/contracts';
import type { EntityManager } from 'typeorm';
import { NoPriorityPolicyError } from './priorities.errors';

/** A published priority policy version, as the rankings use it. */
export interface PolicyInForce {
  versionId: string;
  standardId: string;
  key: string;
  title: string;
  version: string;
  policy: PriorityPolicy;
}

interface PolicyRow {
  version_id: string;
  standard_id: string;
  key: string;
  title: string;
  version: string;
  applicability: Applicability;
  body: PriorityPolicy;
  published_at: Date;
}

/**
 * Which priority policy governs a ranking: for a program's ranking, the most specific published version that
 * applies to the program (listed programs over tags over the organisation), newest first; for the portfolio
 * ranking, the newest organisation-wide one.
 */
@Injectable()
export class PriorityPolicies {
  async inForce(manager: EntityManager, scope: PriorityScope, program: { programId: string; tags: string[] } | null): Promise<PolicyInForce | null> {
    const rows = (await manager.query(
      `SELECT v.id AS version_id, s.id AS standard_id, s.key, s.title, v.version, v.applicability, v.body, v.published_at
         FROM standard_versions v JOIN standards s ON s.id = v.standard_id
        WHERE s.kind = 'priority-policy' AND v.state = 'published'`,
    )) as PolicyRow[];
    const candidates =
      scope === 'portfolio' || !program
        ? rows.filter((row) => row.applicability.scope === 'organisation')
        : rows.filter((row) => appliesToProgram(row.applicability, program));
    const [best] = candidates.sort(
      (a, b) => specificityOf(b.applicability) - specificityOf(a.applicability) || new Date(b.published_at).getTime() - new Date(a.published_at).getTime(),
    );
    return best
      ? { versionId: best.version_id, standardId: best.standard_id, key: best.key, title: best.title, version: best.version, policy: best.body }
      : null;
  }

  async require(manager: EntityManager, scope: PriorityScope, program: { programId: string; tags: string[] } | null): Promise<PolicyInForce> {
    const found = await this.inForce(manager, scope, program);
    if (!found) throw new NoPriorityPolicyError(scope);
    return found;
  }
}
