import { Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { Clock, scheduleOnClock, type ClockJob } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog, systemActor } from '@pmo/persistence';
import { DataSource } from 'typeorm';
import { wavesDueBy } from '../standards/rollout-plan';
import { StandardVersionEntity } from '../standards/standard-version.entity';
import { WaveOpeningEntity } from './wave-opening.entity';

// Often enough that a wave opens within a minute of its date; the clock also wakes it when moved.
const CHECK_EVERY_MS = 60_000;

/**
 * Opens the rollout waves whose date has come, by the service's clock: one `rollout.wave-opened` event per
 * wave, written with the opening in one transaction. Waves missed while the service was down open at start.
 */
@Injectable()
export class RolloutScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private job?: ClockJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.job = scheduleOnClock(this.clock, () => this.openDueWavesNow(), CHECK_EVERY_MS, 'rollout waves');
  }

  // Before the pool closes (TypeORM closes it on application shutdown): a run in flight would fail on it.
  async beforeApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }

  /** Opens every due wave; runs one at a time. Resolves with how many waves it opened. */
  openDueWaves(): Promise<number> {
    return this.job ? this.job.run() : this.openDueWavesNow();
  }

  private async openDueWavesNow(): Promise<number> {
    const today = this.clock.today();
    const published = await this.dataSource.manager.findBy(StandardVersionEntity, { state: 'published' });
    let opened = 0;
    for (const version of published) {
      const openings = await this.dataSource.manager.findBy(WaveOpeningEntity, { versionId: version.id });
      for (const wave of wavesDueBy(version.rollout ?? [], new Set(openings.map((o) => o.waveName)), today)) {
        await this.dataSource.transaction(async (manager) => {
          const inserted = (await manager.query(
            `INSERT INTO wave_openings (version_id, wave_name, opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING wave_name`,
            [version.id, wave.name, this.clock.now()],
          )) as unknown[];
          if (inserted.length === 0) return; // opened meanwhile by another replica
          await this.outbox.add(manager, 'pmo.rollout.wave-opened.v1', {
            standardId: version.standardId,
            versionId: version.id,
            version: version.version,
            waveName: wave.name,
            programIds: wave.programIds,
            programTags: wave.programTags,
            opensOn: wave.opensOn,
            adoptionDeadline: wave.adoptionDeadline,
            openedAt: this.clock.now().toISOString(),
          });
          await AuditLog.record(manager, {
            actor: systemActor('rollout-scheduler'),
            action: 'rollout-wave.opened',
            entityType: 'rollout-wave',
            entityId: `${version.id}/${wave.name}`,
            after: { standardId: version.standardId, versionId: version.id, version: version.version, ...wave },
            reason: `opens on ${wave.opensOn}`,
          });
          opened += 1;
        });
      }
    }
    return opened;
  }
}
