import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@pmo/auth';
import { checkGrandfatheringThreshold, type CreateStandardBody, DEFAULT_VARIANCE_POLICY, type ListStandardsQuery, type VariancePolicy } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { StandardResponse, type StandardPageResponse } from './dto/standard.response';
import { decodeCursor, encodeCursor, sortOf } from './standard-cursor';
import { StandardVersionEntity } from './standard-version.entity';
import { StandardEntity } from './standard.entity';
import { InvalidCursorError, InvalidGrandfatheringThresholdError, StandardKeyTakenError, StandardNotFoundError } from './standards.errors';

/** The catalog: standards, found by filters, sorted, a page at a time. */
@Injectable()
export class StandardsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(StandardEntity) private readonly standards: Repository<StandardEntity>,
    @InjectRepository(StandardVersionEntity) private readonly versions: Repository<StandardVersionEntity>,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async createStandard(input: CreateStandardBody, actor: Principal): Promise<StandardResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(StandardEntity, { key: input.key })) throw new StandardKeyTakenError(input.key);
      const policy = input.variancePolicy ?? DEFAULT_VARIANCE_POLICY;
      const standard = await manager.save(
        manager.create(StandardEntity, {
          id: randomUUID(),
          key: input.key,
          title: input.title,
          kind: input.kind,
          owner: input.owner,
          tags: input.tags ?? [],
          longestVarianceMonths: policy.longestVarianceMonths,
          decisionSlaBusinessDays: policy.decisionSlaBusinessDays,
        }),
      );
      await this.announcePolicy(manager, standard);
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'standard.created',
        entityType: 'standard',
        entityId: standard.id,
        after: standard,
      });
      return StandardResponse.of(standard, []);
    });
  }

  /** Changes how the standard treats variances; requests from then on follow it (program-pmo learns it from the event). */
  async setVariancePolicy(standardId: string, policy: VariancePolicy, actor: Principal): Promise<StandardResponse> {
    const standard = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(StandardEntity, { where: { id: standardId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new StandardNotFoundError(standardId);
      const before = { ...found };
      found.longestVarianceMonths = policy.longestVarianceMonths;
      found.decisionSlaBusinessDays = policy.decisionSlaBusinessDays;
      const saved = await manager.save(found);
      await this.announcePolicy(manager, saved);
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'standard.variance-policy-set',
        entityType: 'standard',
        entityId: saved.id,
        before,
        after: saved,
      });
      return saved;
    });
    return this.describeStandard(standard.id);
  }

  /**
   * Sets the percent complete from which a project may be grandfathered on this standard; program-pmo's
   * adoption checks use it from the event on.
   */
  async setGrandfatheringPolicy(standardId: string, thresholdPercent: number, actor: Principal): Promise<StandardResponse> {
    const check = checkGrandfatheringThreshold(thresholdPercent);
    if (!check.ok) throw new InvalidGrandfatheringThresholdError(check.message);
    await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(StandardEntity, { where: { id: standardId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new StandardNotFoundError(standardId);
      const before = { ...found };
      found.grandfatheringThresholdPercent = thresholdPercent;
      const saved = await manager.save(found);
      await this.outbox.add(manager, 'pmo.standard.grandfathering-policy-set.v1', {
        standardId: saved.id,
        key: saved.key,
        thresholdPercent,
        setAt: this.clock.now().toISOString(),
      });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'standard.grandfathering-policy-set',
        entityType: 'standard',
        entityId: saved.id,
        before,
        after: saved,
      });
    });
    return this.describeStandard(standardId);
  }

  private async announcePolicy(manager: EntityManager, standard: StandardEntity): Promise<void> {
    await this.outbox.add(manager, 'pmo.standard.variance-policy-set.v1', {
      standardId: standard.id,
      key: standard.key,
      longestVarianceMonths: standard.longestVarianceMonths,
      decisionSlaBusinessDays: standard.decisionSlaBusinessDays,
      setAt: this.clock.now().toISOString(),
    });
  }

  async getStandard(standardId: string): Promise<StandardEntity> {
    const standard = await this.standards.findOneBy({ id: standardId });
    if (!standard) throw new StandardNotFoundError(standardId);
    return standard;
  }

  async describeStandard(standardId: string): Promise<StandardResponse> {
    const standard = await this.getStandard(standardId);
    return StandardResponse.of(standard, await this.versionsOf([standard.id]).then((all) => all.get(standard.id) ?? []));
  }

  /** Filters (kind, state of any version, tag, text), one sort with the id as tie-breaker, keyset pagination. */
  async listStandards(query: ListStandardsQuery): Promise<StandardPageResponse> {
    const { column, descending } = sortOf(query.sort ?? 'key');
    const limit = query.limit ?? 20;
    const builder = this.standards.createQueryBuilder('s');
    if (query.kind) builder.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.tag) builder.andWhere(':tag = ANY(s.tags)', { tag: query.tag });
    if (query.q) builder.andWhere('(s.key ILIKE :q OR s.title ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.state) builder.andWhere('EXISTS (SELECT 1 FROM standard_versions v WHERE v.standard_id = s.id AND v.state = :state)', { state: query.state });
    // Compare as text so one cursor shape serves every sort column (timestamps sort as ISO text).
    // Parenthesised: a bare `s.key` in addSelect would be taken for the entity's column and dropped from it.
    const sortExpression = column === 'created_at' ? `to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')` : `(s.${column})`;
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      if (!cursor) throw new InvalidCursorError();
      builder.andWhere(`(${sortExpression}, s.id::text) ${descending ? '<' : '>'} (:value, :id)`, cursor);
    }
    const rows = await builder
      .addSelect(sortExpression, 'sort_value')
      .orderBy(sortExpression, descending ? 'DESC' : 'ASC')
      .addOrderBy('s.id::text', descending ? 'DESC' : 'ASC')
      .limit(limit + 1)
      .getRawAndEntities();
    const page = rows.entities.slice(0, limit);
    const versions = await this.versionsOf(page.map((s) => s.id));
    const last = page[page.length - 1];
    const hasMore = rows.entities.length > limit;
    return {
      items: page.map((s) => StandardResponse.of(s, versions.get(s.id) ?? [])),
      nextCursor: hasMore && last ? encodeCursor({ value: String((rows.raw[page.length - 1] as { sort_value: unknown }).sort_value), id: last.id }) : null,
    };
  }

  private async versionsOf(standardIds: string[]): Promise<Map<string, StandardVersionEntity[]>> {
    const byStandard = new Map<string, StandardVersionEntity[]>();
    if (standardIds.length === 0) return byStandard;
    const all = await this.versions.createQueryBuilder('v').where('v.standard_id IN (:...ids)', { ids: standardIds }).orderBy('v.created_at', 'ASC').getMany();
    for (const version of all) byStandard.set(version.standardId, [...(byStandard.get(version.standardId) ?? []), version]);
    return byStandard;
  }
}
