import { Injectable } from '@nestjs/common';
import { DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT, type StandardGrandfatheringPolicySetV1 } from '@pmo/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { GrandfatheringPolicyEntity } from './grandfathering-policy.entity';

/** Each standard's grandfathering threshold as the strategic PMO announced it; 90 for a standard that set none. */
@Injectable()
export class GrandfatheringPoliciesService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, event: StandardGrandfatheringPolicySetV1): Promise<void> {
    await manager.upsert(GrandfatheringPolicyEntity, { standardId: event.standardId, thresholdPercent: event.thresholdPercent }, ['standardId']);
  }

  async thresholdOf(manager: EntityManager, standardId: string): Promise<number> {
    return (await manager.findOneBy(GrandfatheringPolicyEntity, { standardId }))?.thresholdPercent ?? DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT;
  }

  /** The threshold of each standard asked for, the default where none was set. */
  async thresholdsOf(standardIds: string[]): Promise<Map<string, number>> {
    const set = standardIds.length ? await this.dataSource.manager.findBy(GrandfatheringPolicyEntity, { standardId: In(standardIds) }) : [];
    const thresholds = new Map(set.map((p) => [p.standardId, p.thresholdPercent]));
    return new Map(standardIds.map((id) => [id, thresholds.get(id) ?? DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT]));
  }
}
