import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { AddOfferingBody, OfferingState, PlanWaveBody } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { BuildoutConflictError, BuildoutRefusedError, OfferingNotFoundError } from './buildout.errors';
import { BuildoutService } from './buildout.service';
import { catalogProducts, type CatalogProduct } from './catalog-products';
import { gapsOf, type Gap } from './gap-analysis';
import { PmoAssessmentEntity } from './pmo-assessment.entity';
import { PmoFoundationEntity } from './pmo-foundation.entity';
import { PmoOfferingEntity } from './pmo-offering.entity';
import { PmoWaveEntity } from './pmo-wave.entity';
import { proposeWaves, waveLimitProblems, waveProgress } from './wave-plan';

/** A wave with its items and its progress from their states. */
export interface WaveView extends PmoWaveEntity {
  offerings: PmoOfferingEntity[];
  effortWeeks: number;
  progress: ReturnType<typeof waveProgress>;
}

/** The deployment roadmap: the planned waves by start date, what is not planned yet, and the next waves proposed for it. */
export interface Roadmap {
  waves: WaveView[];
  unplanned: PmoOfferingEntity[];
  proposal: { offeringIds: string[]; effortWeeks: number }[];
}

/** A gap and what closes it: the build-out's own offerings and the catalog's published standards. */
export interface GapWithClosers extends Gap {
  closedBy: { id: string; name: string; source: 'buildout' | 'catalog' }[];
}

const actorOf = (principal: Principal) => ({ subject: principal.subject, name: principal.name });

/** The PMO's products and services, and the waves of the roadmap that deploy them. */
@Injectable()
export class DeploymentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The build-out's own offerings, and the platform's published standards and tools as products. */
  async catalogue(): Promise<{ offerings: PmoOfferingEntity[]; catalogProducts: CatalogProduct[] }> {
    const manager = this.dataSource.manager;
    const offerings = await manager.find(PmoOfferingEntity, { order: { priority: 'ASC', name: 'ASC' } });
    return { offerings, catalogProducts: await catalogProducts(manager) };
  }

  /** One gap per assessed element, with the products and services (own and from the catalog) that close it. */
  async gapAnalysis(): Promise<GapWithClosers[]> {
    const manager = this.dataSource.manager;
    const gaps = gapsOf(await manager.find(PmoAssessmentEntity));
    const { offerings, catalogProducts: products } = await this.catalogue();
    return gaps.map((gap) => ({
      ...gap,
      closedBy: [
        ...offerings.filter((o) => o.closesGaps.includes(gap.element)).map((o) => ({ id: o.id, name: o.name, source: 'buildout' as const })),
        ...products.filter((p) => p.closesGaps.includes(gap.element)).map((p) => ({ id: p.standardId, name: p.title, source: 'catalog' as const })),
      ],
    }));
  }

  addOffering(input: AddOfferingBody, actor: Principal): Promise<PmoOfferingEntity> {
    return this.dataSource.transaction(async (manager) => {
      await BuildoutService.requireFoundation(manager, 'a product or service');
      const gaps = new Map(gapsOf(await manager.find(PmoAssessmentEntity)).map((gap) => [gap.element, gap]));
      for (const element of input.closesGaps) {
        const gap = gaps.get(element);
        if (!gap) throw new BuildoutRefusedError(`element ${element} has no gap yet: assess its current and future state first`);
        if (gap.size === 0)
          throw new BuildoutRefusedError(`element ${element} has no gap to close: its current level already is its future level (${gap.futureLevel})`);
      }
      if (await manager.existsBy(PmoOfferingEntity, { name: input.name }))
        throw new BuildoutConflictError(`a product or service named "${input.name}" already exists`);
      const saved = await manager.save(
        manager.create(PmoOfferingEntity, { ...input, id: randomUUID(), state: 'planned', waveId: null, addedAt: this.clock.now() }),
      );
      await AuditLog.record(manager, {
        actor: actorOf(actor),
        action: 'buildout.offering-added',
        entityType: 'pmo-offering',
        entityId: saved.id,
        after: saved,
      });
      return saved;
    });
  }

  /** Moves an offering's deployment on; only what a wave carries is deployed. */
  setOfferingState(offeringId: string, state: OfferingState, actor: Principal): Promise<PmoOfferingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const offering = await manager.findOne(PmoOfferingEntity, { where: { id: offeringId }, lock: { mode: 'pessimistic_write' } });
      if (!offering) throw new OfferingNotFoundError(offeringId);
      if (!offering.waveId && state !== 'planned')
        throw new BuildoutRefusedError(`"${offering.name}" is in no wave yet: plan it in a wave of the roadmap before deploying it`);
      const before = { ...offering };
      offering.state = state;
      const saved = await manager.save(offering);
      await AuditLog.record(manager, {
        actor: actorOf(actor),
        action: 'buildout.offering-state-set',
        entityType: 'pmo-offering',
        entityId: offeringId,
        before,
        after: saved,
      });
      return saved;
    });
  }

  planWave(input: PlanWaveBody, actor: Principal): Promise<WaveView> {
    return this.dataSource.transaction(async (manager) => {
      // Locked, so that two waves planned at once cannot both pass the overlap check.
      const foundation = await BuildoutService.requireFoundation(manager, 'a wave of the deployment roadmap', true);
      if (input.endsOn <= input.startsOn) throw new BuildoutRefusedError(`the wave must end after it starts (${input.startsOn} to ${input.endsOn})`);
      if (await manager.existsBy(PmoWaveEntity, { name: input.name })) throw new BuildoutConflictError(`a wave named "${input.name}" already exists`);
      // Waves follow one another: the organisation absorbs one wave of change at a time.
      const overlapping = await manager.createQueryBuilder(PmoWaveEntity, 'w').where('w.starts_on <= :endsOn AND w.ends_on >= :startsOn', input).getOne();
      if (overlapping)
        throw new BuildoutRefusedError(`the wave overlaps "${overlapping.name}" (${overlapping.startsOn} to ${overlapping.endsOn}): waves follow one another`);
      const offerings = await manager.find(PmoOfferingEntity, { where: { id: In(input.offeringIds) }, lock: { mode: 'pessimistic_write' } });
      const unknown = input.offeringIds.filter((id) => !offerings.some((o) => o.id === id));
      if (unknown.length > 0) throw new BuildoutRefusedError(`unknown products or services: ${unknown.join(', ')}`);
      const planned = offerings.filter((o) => o.waveId);
      if (planned.length > 0) throw new BuildoutRefusedError(`already planned in another wave: ${planned.map((o) => `"${o.name}"`).join(', ')}`);
      const problems = waveLimitProblems(offerings, foundation);
      if (problems.length > 0) throw new BuildoutRefusedError(problems.join('; '));
      const wave = await manager.save(manager.create(PmoWaveEntity, { ...input, id: randomUUID(), plannedAt: this.clock.now() }));
      for (const offering of offerings) offering.waveId = wave.id;
      // One UPDATE: `save` of several entities sends their UPDATEs at once on the transaction's one connection
      // (pg's "client.query() when the client is already executing a query" warning at `npm start`).
      await manager.update(PmoOfferingEntity, { id: In(offerings.map((o) => o.id)) }, { waveId: wave.id });
      await AuditLog.record(manager, {
        actor: actorOf(actor),
        action: 'buildout.wave-planned',
        entityType: 'pmo-wave',
        entityId: wave.id,
        after: { ...wave, offeringIds: input.offeringIds },
      });
      return viewOf(wave, offerings);
    });
  }

  async roadmap(manager: EntityManager = this.dataSource.manager): Promise<Roadmap> {
    const waves = await manager.find(PmoWaveEntity, { order: { startsOn: 'ASC' } });
    const offerings = await manager.find(PmoOfferingEntity, { order: { priority: 'ASC', name: 'ASC' } });
    const unplanned = offerings.filter((o) => !o.waveId);
    const foundation = await manager.findOneBy(PmoFoundationEntity, { id: 1 });
    return {
      waves: waves.map((wave) =>
        viewOf(
          wave,
          offerings.filter((o) => o.waveId === wave.id),
        ),
      ),
      unplanned,
      // Without a foundation there are no limits to plan against, hence no proposal.
      proposal: (foundation ? proposeWaves(unplanned, foundation) : []).map((wave) => ({
        offeringIds: wave.map((o) => o.id),
        effortWeeks: wave.reduce((sum, o) => sum + o.effortWeeks, 0),
      })),
    };
  }
}

function viewOf(wave: PmoWaveEntity, offerings: PmoOfferingEntity[]): WaveView {
  return { ...wave, offerings, effortWeeks: offerings.reduce((sum, o) => sum + o.effortWeeks, 0), progress: waveProgress(offerings) };
}
