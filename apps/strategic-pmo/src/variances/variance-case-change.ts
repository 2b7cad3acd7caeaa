import type { Principal } from '@pmo/auth';
import { checkVarianceTransition, type VarianceState } from '@pmo/contracts';
import { AuditLog } from '@pmo/persistence';
import type { EntityManager } from 'typeorm';
import { VarianceCaseEntity } from './variance-case.entity';
import { IllegalVarianceTransitionError, OwnVarianceError, VarianceCaseNotFoundError } from './variances.errors';

/**
 * Changes one case in the caller's transaction: locked, never by its requester (separation of duties),
 * moved to `to` only where the lifecycle allows it (409 otherwise), saved and audited with the reason.
 */
export async function changeCase(
  manager: EntityManager,
  varianceId: string,
  actor: Principal,
  change: { action: string; to?: VarianceState; reason?: string },
  effect: (found: VarianceCaseEntity) => Promise<void> | void,
): Promise<VarianceCaseEntity> {
  const found = await manager.findOne(VarianceCaseEntity, { where: { id: varianceId }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw new VarianceCaseNotFoundError(varianceId);
  if (found.requestedBySubject === actor.subject) throw new OwnVarianceError(varianceId);
  if (change.to) {
    const check = checkVarianceTransition(found.state, change.to);
    if (!check.ok) throw new IllegalVarianceTransitionError(check.message, varianceId);
  }
  const before = { ...found };
  await effect(found);
  if (change.to) found.state = change.to;
  const saved = await manager.save(found);
  await AuditLog.record(manager, {
    actor: { subject: actor.subject, name: actor.name },
    action: change.action,
    entityType: 'variance',
    entityId: varianceId,
    before,
    after: saved,
    reason: change.reason,
  });
  return saved;
}
