import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { RolloutWaveOpenedV1, StandardVersionPublishedV1, StandardVersionRetiredV1, StandardVersionSupersededV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { PublishedVersionEntity } from './published-version.entity';
import { WaveOpeningViewEntity } from './wave-opening-view.entity';

/** Keeps the standards read model from the strategic PMO's events, in the inbox transaction. */
@Controller()
export class StandardsViewEvents {
  @EventPattern('pmo.standard.version-published.v1')
  async onVersionPublished(@Payload() event: StandardVersionPublishedV1, @Ctx() context: PmoEventContext): Promise<void> {
    const {
      standardId,
      key,
      title,
      kind,
      level,
      versionId,
      version,
      effectiveDate,
      adoptionDeadline,
      applicability,
      requirements,
      rollout,
      reportSchema,
      publishedAt,
    } = event;
    await context.manager.upsert(
      PublishedVersionEntity,
      {
        versionId,
        standardId,
        key,
        title,
        kind,
        level,
        version,
        state: 'published',
        effectiveDate,
        adoptionDeadline,
        applicability,
        requirements,
        rollout, // TypeORM's upsert typing cannot express a JSON column; the value is plain JSON.
        reportSchema: (reportSchema ?? null) as never,
        publishedAt: new Date(publishedAt),
        endedAt: null,
      },
      ['versionId'],
    );
  }

  @EventPattern('pmo.standard.version-superseded.v1')
  async onVersionSuperseded(@Payload() event: StandardVersionSupersededV1, @Ctx() context: PmoEventContext): Promise<void> {
    await context.manager.update(PublishedVersionEntity, { versionId: event.versionId }, { state: 'superseded', endedAt: new Date(event.supersededAt) });
  }

  @EventPattern('pmo.standard.version-retired.v1')
  async onVersionRetired(@Payload() event: StandardVersionRetiredV1, @Ctx() context: PmoEventContext): Promise<void> {
    await context.manager.update(PublishedVersionEntity, { versionId: event.versionId }, { state: 'retired', endedAt: new Date(event.retiredAt) });
  }

  @EventPattern('pmo.rollout.wave-opened.v1')
  async onWaveOpened(@Payload() event: RolloutWaveOpenedV1, @Ctx() context: PmoEventContext): Promise<void> {
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(WaveOpeningViewEntity)
      .values({ versionId: event.versionId, waveName: event.waveName, openedAt: new Date(event.openedAt) })
      .orIgnore()
      .execute();
  }
}
