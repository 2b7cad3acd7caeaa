import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { appliesToProgram, governingVersions, groundChanges, sameApplicability, type VarianceGround } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { ArrayContains, DataSource, In, type EntityManager } from 'typeorm';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { StandardVersionEntity } from '../standards/standard-version.entity';
import { StandardEntity } from '../standards/standard.entity';
import { changeCase } from './variance-case-change';
import type { VarianceCaseEntity } from './variance-case.entity';
import { VarianceCaseEntity as Cases } from './variance-case.entity';
import { VarianceCaseConflictError } from './variances.errors';

const APPROVED = In(['approved', 'approved-with-conditions']);
// Changes of ground are noticed by the service itself, not by a person.
const SERVICE_ACTOR = { subject: 'strategic-pmo', name: 'strategic-pmo (ground of variance decisions)' };

/**
 * The ground a variance decision stands on: taken when it is decided, compared whenever the standard or a
 * project of it changes. A material change flags the approval `needs-review` with its reasons; the reviewer
 * confirms it on the new ground (a new decision) or revokes it.
 */
@Injectable()
export class VarianceGroundService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * The ground now: the standard's version in force (or `inForce`, while it is being published), the
   * variance's requirements, each project as it stands. A project is in scope while it is open and the
   * version in force applies to its program.
   */
  async groundOf(manager: EntityManager, found: VarianceCaseEntity, publishing?: StandardVersionEntity): Promise<VarianceGround> {
    // One after the other: a transaction's manager has one connection, which runs one query at a time.
    const decidedVersion = await manager.findOneBy(StandardVersionEntity, { id: found.versionId });
    const projects = await manager.findBy(PortfolioProjectEntity, { projectId: In(found.projectIds) });
    const program = await manager.findOneBy(PortfolioProgramEntity, { programId: found.programId });
    const published = await this.governingFor(manager, found.standardId, program, publishing);
    const applicability = decidedVersion?.applicability;
    // A program not known yet, or no version published any more: scope is judged by the project alone.
    const applies = program && published ? appliesToProgram(published.applicability, program) : true;
    return {
      version: published?.version ?? found.version,
      requirementIds: found.requirementIds,
      applicabilityTags: applicability?.scope === 'tags' ? applicability.tags : null,
      projects: projects.map((p) => ({
        projectId: p.projectId,
        name: p.name,
        phase: p.phase,
        percentComplete: p.percentComplete,
        tags: p.tags,
        inScope: p.closedAt === null && applies,
      })),
    };
  }

  /**
   * The approvals of a standard whose ground would change if `publishing` were published now, with the reasons:
   * what a publication preview shows, and what publication flags.
   */
  async changedGroundIf(manager: EntityManager, publishing: StandardVersionEntity): Promise<{ varianceId: string; programId: string; reasons: string[] }[]> {
    const changed: { varianceId: string; programId: string; reasons: string[] }[] = [];
    const standard = await manager.findOneBy(StandardEntity, { id: publishing.standardId });
    for (const found of await manager.find(Cases, { where: { state: APPROVED, standardId: publishing.standardId } })) {
      const reasons = found.ground
        ? groundChanges(found.ground, await this.groundOf(manager, found, publishing), standard?.grandfatheringThresholdPercent)
        : [];
      if (reasons.length) changed.push({ varianceId: found.id, programId: found.programId, reasons });
    }
    return changed;
  }

  /** Compares each approval of the standard, or covering the project, with its ground; flags what moved. */
  async reviewGround(manager: EntityManager, about: { standardId: string } | { projectId: string }, publishing?: StandardVersionEntity): Promise<void> {
    const where = 'standardId' in about ? { state: APPROVED, standardId: about.standardId } : { state: APPROVED, projectIds: ArrayContains([about.projectId]) };
    for (const found of await manager.find(Cases, { where, lock: { mode: 'pessimistic_write' } })) {
      if (!found.ground) continue;
      const standard = await manager.findOneBy(StandardEntity, { id: found.standardId });
      const reasons = groundChanges(found.ground, await this.groundOf(manager, found, publishing), standard?.grandfatheringThresholdPercent);
      if (reasons.length === 0 || JSON.stringify(reasons) === JSON.stringify(found.reviewReasons)) continue;
      const before = { ...found };
      const now = this.clock.now();
      found.reviewReasons = reasons;
      found.reviewFlaggedAt = now;
      await manager.save(found);
      await this.outbox.add(manager, 'pmo.variance.review-needed.v1', {
        varianceId: found.id,
        programId: found.programId,
        reasons,
        flaggedAt: now.toISOString(),
      });
      await AuditLog.record(manager, {
        actor: SERVICE_ACTOR,
        action: 'variance.needs-review',
        entityType: 'variance',
        entityId: found.id,
        before,
        after: found,
        reason: reasons.join('; '),
      });
    }
  }

  // The version that governs the program: of the published variants (and `publishing`, which replaces those with
  // its applicability), the most specific that applies. Program unknown: the latest published.
  private async governingFor(
    manager: EntityManager,
    standardId: string,
    program: PortfolioProgramEntity | null,
    publishing?: StandardVersionEntity,
  ): Promise<StandardVersionEntity | undefined> {
    const published = (await manager.find(StandardVersionEntity, { where: { standardId, state: 'published' }, order: { publishedAt: 'ASC' } })).filter(
      (v) => !publishing || (v.id !== publishing.id && !sameApplicability(v.applicability, publishing.applicability)),
    );
    const candidates = (publishing ? [...published, publishing] : published).map((v) => ({ ...v, entity: v, publishedAt: v.publishedAt ?? this.clock.now() }));
    if (!program) return candidates.at(-1)?.entity;
    return governingVersions(candidates.filter((v) => appliesToProgram(v.applicability, program)))[0]?.entity ?? candidates.at(-1)?.entity;
  }

  /** A new decision on the new ground: the approval stands, the ground is taken again, the flag clears. */
  confirm(varianceId: string, reason: string, actor: Principal): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction((manager) => this.confirmIn(manager, varianceId, reason, actor));
  }

  /** `confirm` inside the caller's transaction (a steering committee's decision and its log commit together). */
  confirmIn(manager: EntityManager, varianceId: string, reason: string, actor: Principal): Promise<VarianceCaseEntity> {
    return changeCase(manager, varianceId, actor, { action: 'variance.confirmed', reason }, async (found) => {
      if (found.state !== 'approved' && found.state !== 'approved-with-conditions')
        throw new VarianceCaseConflictError(`variance ${varianceId} is ${found.state}; only an approval can be confirmed`, varianceId);
      if (!found.reviewReasons) throw new VarianceCaseConflictError(`variance ${varianceId} does not need review`, varianceId);
      found.ground = await this.groundOf(manager, found);
      found.reviewReasons = null;
      found.reviewFlaggedAt = null;
      found.reconfirmedAt = await this.announceReview(manager, found, 'confirmed', reason, actor);
    });
  }

  /** approved → revoked: the projects return to what the compliance function gives without the variance. */
  revoke(varianceId: string, reason: string, actor: Principal): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction((manager) => this.revokeIn(manager, varianceId, reason, actor));
  }

  /** `revoke` inside the caller's transaction. */
  revokeIn(manager: EntityManager, varianceId: string, reason: string, actor: Principal): Promise<VarianceCaseEntity> {
    return changeCase(manager, varianceId, actor, { action: 'variance.revoked', to: 'revoked', reason }, async (found) => {
      found.revokedAt = await this.announceReview(manager, found, 'revoked', reason, actor);
      found.reviewReasons = null;
    });
  }

  // The outcome of a review, for the program and the project PMOs; returns the instant it was reviewed at.
  private async announceReview(
    manager: EntityManager,
    found: VarianceCaseEntity,
    outcome: 'confirmed' | 'revoked',
    reason: string,
    actor: Principal,
  ): Promise<Date> {
    const now = this.clock.now();
    await this.outbox.add(manager, 'pmo.variance.reviewed.v1', {
      varianceId: found.id,
      programId: found.programId,
      outcome,
      reason,
      reviewedBy: { subject: actor.subject, name: actor.name },
      reviewedAt: now.toISOString(),
    });
    return now;
  }
}
