import { varianceDecisionOf, type VarianceFacts } from '@pmo/contracts';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { VarianceRequestEntity } from './variance-request.entity';

/** The program's variance requests (those `where` keeps) as the compliance rules take them. */
export async function loadVarianceFacts(manager: EntityManager, where: FindOptionsWhere<VarianceRequestEntity>): Promise<VarianceFacts[]> {
  const requests = await manager.find(VarianceRequestEntity, { where });
  return requests.map((r) => ({
    varianceId: r.id,
    versionId: r.versionId,
    projectIds: r.projectIds,
    submittedAt: r.submittedAt,
    decided: varianceDecisionOf(r.state, r.decidedAt),
    expiresOn: r.expiresOn,
    endedAt: r.endedAt,
    conditions: r.conditions.map((c) => ({ dueOn: c.dueOn, metAt: c.metAt ? new Date(c.metAt) : null })),
    requirementIds: r.requirementIds,
    deviations: r.deviations,
  }));
}
