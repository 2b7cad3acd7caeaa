import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import {
  rolloutCoverage,
  sameApplicability,
  type CreateVersionBody,
  type RolloutCoverage,
  type RolloutWaveV1,
  type UpdateVersionBody,
  type VersionState,
} from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { FeedbackTriageService } from '../feedback/feedback-triage.service';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { VarianceGroundService } from '../variances/variance-ground.service';
import type { Playbook } from '../methodology/playbook';
import { validateRolloutPlan } from './rollout-plan';
import { checkBumpCoversDiff, isValidSemver } from './semver-bump';
import { StandardVersionEntity } from './standard-version.entity';
import { StandardEntity } from './standard.entity';
import {
  DraftAnswersFeedbackError,
  IllegalTransitionError,
  InvalidVersionBodyError,
  StandardNotFoundError,
  StandardVersionNotFoundError,
  VersionExistsError,
  VersionNotPublishableError,
} from './standards.errors';
import { checkBodyReadyForReview, checkDraftBody } from './version-body';
import { requirementChangesOf } from './requirement-diff';
import { diffOfVersions, type VersionDiff } from './version-diff';
import { checkTransition, isEditable } from './version-lifecycle';

interface Located {
  standard: StandardEntity;
  version: StandardVersionEntity;
}

/**
 * A standard's versions through their lifecycle. Every change is one transaction with its audit entry
 * and, for publication and retirement, its events.
 */
@Injectable()
export class StandardVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly feedback: FeedbackTriageService,
    private readonly varianceGround: VarianceGroundService,
  ) {}

  async createDraft(standardId: string, input: CreateVersionBody, actor: Principal): Promise<StandardVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const standard = await manager.findOneBy(StandardEntity, { id: standardId });
      if (!standard) throw new StandardNotFoundError(standardId);
      if (!isValidSemver(input.version)) throw new InvalidVersionBodyError(`version ${input.version} is not a semantic version`);
      if (await manager.existsBy(StandardVersionEntity, { standardId, version: input.version })) throw new VersionExistsError(input.version);
      this.assertBody(standard, input.body);
      const version = await manager.save(
        manager.create(StandardVersionEntity, {
          id: randomUUID(),
          standardId,
          version: input.version,
          state: 'draft',
          level: input.level,
          effectiveDate: input.effectiveDate,
          adoptionDeadline: input.adoptionDeadline,
          applicability: input.applicability,
          requirements: input.requirements,
          changeSummary: input.changeSummary ?? '',
          body: input.body ?? null,
          rollout: null,
          publishedAt: null,
          endedAt: null,
          retireReason: null,
        }),
      );
      await this.audit(manager, actor, 'standard-version.drafted', version, undefined);
      return version;
    });
  }

  async getVersion(standardId: string, version: string): Promise<StandardVersionEntity> {
    return (await this.locate(this.dataSource.manager, standardId, version)).version;
  }

  /** Changes a draft; any other state is immutable (409). */
  async updateDraft(standardId: string, label: string, input: UpdateVersionBody, actor: Principal): Promise<StandardVersionEntity> {
    return this.changeDraft(standardId, label, actor, 'standard-version.edited', (standard, version) => {
      if (input.body !== undefined) this.assertBody(standard, input.body);
      Object.assign(version, stripUndefined(input));
    });
  }

  /** Replaces a methodology draft's playbook (the import endpoint parses and checks it first). */
  async setPlaybook(standardId: string, label: string, playbook: Playbook, actor: Principal): Promise<StandardVersionEntity> {
    return this.changeDraft(standardId, label, actor, 'standard-version.playbook-imported', (standard, version) => {
      if (standard.kind !== 'methodology')
        throw new InvalidVersionBodyError(`standard ${standard.key} is a ${standard.kind}; only a methodology has a playbook`);
      version.body = playbook as unknown as Record<string, unknown>;
    });
  }

  /**
   * Deletes an abandoned draft. Nothing outside this service knows a draft (no event names it); the one
   * thing here that may point at it is feedback accepted for it as the revision, which is refused (409)
   * rather than silently unlinked: the feedback must be triaged again first.
   */
  async deleteDraft(standardId: string, label: string, actor: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { version } = await this.locate(manager, standardId, label, true);
      if (version.state !== 'draft')
        throw new IllegalTransitionError(`version ${version.version} is ${version.state}; only a draft can be deleted`, version.id);
      const answering = await this.feedback.acceptedFor(manager, version.id);
      if (answering.length) throw new DraftAnswersFeedbackError(version.version, answering);
      await manager.delete(StandardVersionEntity, { id: version.id });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'standard-version.deleted',
        entityType: 'standard-version',
        entityId: version.id,
        before: { ...version, body: undefined },
      });
    });
  }

  /** draft → in-review, once the body is ready (a report format's schema must compile). */
  async submitForReview(standardId: string, label: string, actor: Principal): Promise<StandardVersionEntity> {
    return this.transition(standardId, label, 'in-review', actor, ({ standard, version }) => {
      const problems = checkBodyReadyForReview(standard.kind, version.body);
      if (problems.length)
        throw new VersionNotPublishableError(`version ${version.version} cannot leave draft: ${problems.map((p) => p.message).join('; ')}`, problems);
    });
  }

  /** in-review → draft, for changes. */
  async returnToDraft(standardId: string, label: string, actor: Principal): Promise<StandardVersionEntity> {
    return this.transition(standardId, label, 'draft', actor, () => undefined);
  }

  /**
   * in-review → published with its rollout plan. The published versions with the same applicability are
   * superseded in the same transaction; variants for other programs stay in force beside it. The semver bump
   * must cover what changed since the version it replaces (or, for a new variant, the latest published).
   */
  async publish(
    standardId: string,
    label: string,
    rollout: RolloutWaveV1[],
    actor: Principal,
  ): Promise<{ version: StandardVersionEntity; coverage: RolloutCoverage }> {
    const problems = validateRolloutPlan(rollout);
    if (problems.length) throw new VersionNotPublishableError(`the rollout plan is not usable: ${problems.join('; ')}`, problems);
    let coverage: RolloutCoverage | undefined;
    const published = await this.transition(standardId, label, 'published', actor, async ({ standard, version }, manager) => {
      // Variants stay side by side: the new version replaces only the published ones for the same programs.
      // The standard's row is locked so two publications of one standard are decided one after the other.
      await manager.findOne(StandardEntity, { where: { id: standardId }, lock: { mode: 'pessimistic_write' } });
      const published = await manager.find(StandardVersionEntity, { where: { standardId, state: 'published' }, order: { publishedAt: 'ASC' } });
      const replaced = published.filter((p) => sameApplicability(p.applicability, version.applicability));
      const previous = replaced.at(-1) ?? published.at(-1);
      const diffs = new Map(replaced.map((old) => [old.id, diffOfVersions(old, version)]));
      if (previous) {
        const bump = checkBumpCoversDiff(previous.version, version.version, diffs.get(previous.id) ?? diffOfVersions(previous, version));
        if (!bump.ok) throw new VersionNotPublishableError(bump.message);
      }
      const now = this.clock.now();
      // Who the publication reaches, said in the answer: per wave, uncovered, kept on a more specific variant.
      coverage = rolloutCoverage(
        { versionId: version.id, standardId, applicability: version.applicability },
        rollout,
        await manager.find(PortfolioProgramEntity),
        published.map((p) => ({ versionId: p.id, version: p.version, standardId, applicability: p.applicability, publishedAt: p.publishedAt ?? now })),
        now,
      );
      for (const old of replaced) {
        old.state = 'superseded';
        old.endedAt = now;
        await manager.save(old);
        await this.outbox.add(manager, 'pmo.standard.version-superseded.v1', {
          standardId,
          versionId: old.id,
          version: old.version,
          supersededByVersionId: version.id,
          supersededByVersion: version.version,
          supersededAt: now.toISOString(),
        });
      }
      version.rollout = rollout;
      version.publishedAt = now;
      // Approved variances of the standard were decided on the previous version: a new major one is new ground.
      await this.varianceGround.reviewGround(manager, { standardId }, version);
      // The revision's notes list the feedback it answers; that feedback closes with the publication.
      const answered = await this.feedback.closeAnsweredBy(manager, version.id, { subject: actor.subject, name: actor.name });
      if (answered.length)
        version.changeSummary = `${version.changeSummary}\nAnswers feedback: ${answered.map((f) => `${f.id} (${f.category}): ${f.text}`).join('; ')}`.trim();
      // After the row writes (see closeAnsweredBy); this version's row is already locked.
      for (const old of replaced) await this.audit(manager, actor, 'standard-version.superseded', old, { state: 'published' });
      await this.outbox.add(manager, 'pmo.standard.version-published.v1', {
        standardId,
        key: standard.key,
        title: standard.title,
        kind: standard.kind,
        level: version.level,
        versionId: version.id,
        version: version.version,
        effectiveDate: version.effectiveDate,
        adoptionDeadline: version.adoptionDeadline,
        applicability: version.applicability,
        requirements: version.requirements,
        rollout: version.rollout,
        ...(standard.kind === 'report-format' && version.body ? { reportSchema: version.body.schema as Record<string, unknown> } : {}),
        publishedAt: now.toISOString(),
        // Each replaced version with its requirement changes: the programs carry their decisions over by them.
        supersedes: replaced.map((old) => ({
          versionId: old.id,
          version: old.version,
          requirementChanges: requirementChangesOf((diffs.get(old.id) as VersionDiff).changes),
        })),
      });
    });
    return { version: published, coverage: coverage as RolloutCoverage };
  }

  /** published → retired: it stops applying anywhere. */
  async retire(standardId: string, label: string, reason: string, actor: Principal): Promise<StandardVersionEntity> {
    return this.transition(standardId, label, 'retired', actor, async ({ version }, manager) => {
      const now = this.clock.now();
      version.endedAt = now;
      version.retireReason = reason;
      await this.outbox.add(manager, 'pmo.standard.version-retired.v1', {
        standardId,
        versionId: version.id,
        version: version.version,
        reason,
        retiredAt: now.toISOString(),
      });
    });
  }

  /** What changed between two versions of a standard, and how big the change is. */
  async diff(standardId: string, from: string, to: string): Promise<VersionDiff> {
    const manager = this.dataSource.manager;
    const [before, after] = await Promise.all([this.locate(manager, standardId, from), this.locate(manager, standardId, to)]);
    return diffOfVersions(before.version, after.version);
  }

  private async changeDraft(
    standardId: string,
    label: string,
    actor: Principal,
    action: string,
    change: (standard: StandardEntity, version: StandardVersionEntity) => void,
  ): Promise<StandardVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { standard, version } = await this.locate(manager, standardId, label, true);
      if (!isEditable(version.state))
        throw new IllegalTransitionError(`version ${version.version} is ${version.state}; only a draft can be changed`, version.id);
      const before = { ...version };
      change(standard, version);
      const saved = await manager.save(version);
      await this.audit(manager, actor, action, saved, before);
      return saved;
    });
  }

  private async transition(
    standardId: string,
    label: string,
    to: VersionState,
    actor: Principal,
    effect: (located: Located, manager: EntityManager) => Promise<void> | void,
  ): Promise<StandardVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const located = await this.locate(manager, standardId, label, true);
      const check = checkTransition(located.version.state, to, located.version.version);
      if (!check.ok) throw new IllegalTransitionError(check.message, located.version.id);
      const before = { ...located.version };
      await effect(located, manager);
      located.version.state = to;
      const saved = await manager.save(located.version);
      await this.audit(manager, actor, `standard-version.${to}`, saved, before, to === 'retired' ? (saved.retireReason ?? undefined) : undefined);
      return saved;
    });
  }

  // The row is locked so two concurrent transitions of one version cannot both pass their checks.
  private async locate(manager: EntityManager, standardId: string, label: string, forUpdate = false): Promise<Located> {
    const standard = await manager.findOneBy(StandardEntity, { id: standardId });
    if (!standard) throw new StandardNotFoundError(standardId);
    const version = await manager.findOne(StandardVersionEntity, {
      where: { standardId, version: label },
      lock: forUpdate ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!version) throw new StandardVersionNotFoundError(standardId, label);
    return { standard, version };
  }

  private assertBody(standard: StandardEntity, body: Record<string, unknown> | undefined): void {
    const problems = checkDraftBody(standard.kind, body);
    if (problems.length) throw new InvalidVersionBodyError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }

  private audit(manager: EntityManager, actor: Principal, action: string, version: StandardVersionEntity, before: unknown, reason?: string): Promise<void> {
    return AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action,
      entityType: 'standard-version',
      entityId: version.id,
      before,
      after: { ...version, body: undefined },
      reason,
    });
  }
}

function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
