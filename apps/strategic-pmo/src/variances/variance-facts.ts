import { varianceDecisionOf, type VarianceFacts } from '@pmo/contracts';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { VarianceCaseEntity } from './variance-case.entity';

/** The variance cases (those `where` keeps) as the compliance rules take them. */
export async function loadVarianceFacts(manager: EntityManager, where: FindOptionsWhere<VarianceCaseEntity> = {}): Promise<VarianceFacts[]> {
  const cases = await manager.find(VarianceCaseEntity, { where });
  return cases.map((c) => ({
    varianceId: c.id,
    versionId: c.versionId,
    projectIds: c.projectIds,
    submittedAt: c.submittedAt,
    decided: varianceDecisionOf(c.state, c.decidedAt),
    expiresOn: c.expiresOn,
    endedAt: c.revokedAt,
    conditions: c.conditions.map((k) => ({ dueOn: k.dueOn, metAt: k.metAt ? new Date(k.metAt) : null })),
    requirementIds: c.requirementIds,
    deviations: c.deviations,
  }));
}
