import type { VersionFacts } from '@pmo/contracts';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { WaveOpeningEntity } from '../rollouts/wave-opening.entity';
import { StandardVersionEntity } from '../standards/standard-version.entity';
import { StandardEntity } from '../standards/standard.entity';

/** Every published version (of these standards only, when given) as the compliance rules take it, with when each of its waves opened. */
export async function loadVersionFacts(manager: EntityManager, standardIds: readonly string[] | null = null): Promise<VersionFacts[]> {
  const versions = await manager.findBy(StandardVersionEntity, {
    publishedAt: Not(IsNull()),
    ...(standardIds && { standardId: In([...standardIds]) }),
  });
  if (versions.length === 0) return [];
  // One after the other: a transaction's manager has one connection.
  const standards = await manager.findBy(StandardEntity, { id: In([...new Set(versions.map((v) => v.standardId))]) });
  const openings = await manager.findBy(WaveOpeningEntity, { versionId: In(versions.map((v) => v.id)) });
  const keyOf = new Map(standards.map((s) => [s.id, s.key]));
  return versions.map((v) => ({
    standardId: v.standardId,
    key: keyOf.get(v.standardId) as string,
    versionId: v.id,
    version: v.version,
    applicability: v.applicability,
    rollout: v.rollout ?? [],
    effectiveDate: v.effectiveDate,
    adoptionDeadline: v.adoptionDeadline,
    requirements: v.requirements,
    publishedAt: v.publishedAt as Date,
    endedAt: v.endedAt,
    wavesOpenedAt: new Map(openings.filter((o) => o.versionId === v.id).map((o) => [o.waveName, o.openedAt])),
  }));
}
