import { Injectable } from '@nestjs/common';
import {
  checkChoiceWithinLeeway,
  decisionsToCarry,
  rollUp,
  rolloutCoverage,
  sameApplicability,
  type ComplianceRowFacts,
  type DecisionFacts,
  type RolloutCoverage,
  type RolloutWaveV1,
  type VersionFacts,
} from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { DataSource } from 'typeorm';
import { PortfolioAdoptionDecisionEntity } from '../portfolio/portfolio-adoption-decision.entity';
import { PortfolioComplianceService } from '../portfolio/portfolio-compliance.service';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { VarianceGroundService } from '../variances/variance-ground.service';
import { StandardVersionEntity } from './standard-version.entity';
import { StandardEntity } from './standard.entity';
import { StandardNotFoundError, StandardVersionNotFoundError, VersionNotPublishableError } from './standards.errors';
import { requirementChangesOf } from './requirement-diff';
import { validateRolloutPlan } from './rollout-plan';
import { diffOfVersions } from './version-diff';

/** Percent compliant at one instant: the whole portfolio, and this standard's rows alone. */
interface PreviewFigures {
  at: string;
  portfolio: { total: number; compliant: number; percentCompliant: number };
  standard: { total: number; compliant: number; percentCompliant: number };
}

export interface PublicationPreview extends RolloutCoverage {
  version: string;
  asOf: string;
  /** Per wave: the projects it reaches and the figures at the end of its opening day and of its deadline day. */
  reach: { wave: string; projectIds: string[]; onOpening: PreviewFigures; onDeadline: PreviewFigures }[];
  /** Tailored values, on the versions this one replaces for a program, that the new leeway does not allow. */
  tailoredOutsideLeeway: { programId: string; projectId: string; requirementId: string; value: number | string; message: string }[];
  /** Approvals of the standard whose ground the publication would change: they would need review. */
  varianceGroundChanges: { varianceId: string; programId: string; reasons: string[] }[];
}

/**
 * What publishing a version with a rollout plan would do, computed before it is done from the same facts and the
 * same compliance function as the portfolio view: the version is added as if published now, the versions it
 * replaces end now, and each wave opens on its date (today's at once). With nothing else changing meanwhile, the
 * portfolio shows these figures at those instants.
 */
@Injectable()
export class PublicationPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compliance: PortfolioComplianceService,
    private readonly ground: VarianceGroundService,
    private readonly clock: Clock,
  ) {}

  async previewOf(standardId: string, label: string, rollout: RolloutWaveV1[]): Promise<PublicationPreview> {
    const problems = validateRolloutPlan(rollout);
    if (problems.length) throw new VersionNotPublishableError(`the rollout plan is not usable: ${problems.join('; ')}`, problems);
    const manager = this.dataSource.manager;
    const standard = await manager.findOneBy(StandardEntity, { id: standardId });
    if (!standard) throw new StandardNotFoundError(standardId);
    const version = await manager.findOneBy(StandardVersionEntity, { standardId, version: label });
    if (!version) throw new StandardVersionNotFoundError(standardId, label);
    if (version.state !== 'draft' && version.state !== 'in-review')
      throw new VersionNotPublishableError(`version ${label} is ${version.state}; only a draft or a version in review can be previewed`);
    const now = this.clock.now();
    const [programs, projects, published] = await Promise.all([
      manager.find(PortfolioProgramEntity),
      manager.find(PortfolioProjectEntity),
      manager.findBy(StandardVersionEntity, { standardId, state: 'published' }),
    ]);
    const coverage = rolloutCoverage(
      { versionId: version.id, standardId, applicability: version.applicability },
      rollout,
      programs,
      published.map((p) => ({ versionId: p.id, version: p.version, standardId, applicability: p.applicability, publishedAt: p.publishedAt ?? now })),
      now,
    );
    const superseded = published.filter((p) => sameApplicability(p.applicability, version.applicability));
    const replaced = new Set(superseded.map((p) => p.id));
    const hypothetical = this.factsOf(standard, version, rollout, now);
    const withVersion = (versions: VersionFacts[]) => [...versions.map((v) => (replaced.has(v.versionId) ? { ...v, endedAt: now } : v)), hypothetical];
    // The decisions the programs would carry over to it (rule 7), taken now like the publication.
    const changes = superseded.map((old) => ({
      versionId: old.id,
      version: old.version,
      requirementChanges: requirementChangesOf(diffOfVersions(old, version).changes),
    }));
    const withCarried = (decisions: DecisionFacts[]) => [
      ...decisions,
      ...decisionsToCarry(decisions, changes, version).map(({ from, carried }) => ({
        ...carried,
        projectId: from.projectId,
        versionId: version.id,
        decidedAt: now,
      })),
    ];
    const figuresAt = async (at: Date): Promise<PreviewFigures> => {
      const rows = await this.compliance.rowsAt(at, { versions: withVersion, decisions: withCarried });
      return { at: at.toISOString(), portfolio: figuresOf(rows), standard: figuresOf(rows.filter((r) => r.standardId === standardId)) };
    };
    const openProjects = (programIds: string[]) => projects.filter((p) => programIds.includes(p.programId) && !p.closedAt).map((p) => p.projectId);
    const reach = [];
    for (const wave of coverage.waves) {
      reach.push({
        wave: wave.name,
        projectIds: openProjects(wave.programIds),
        onOpening: await figuresAt(endOfDay(wave.opensOn, now)),
        onDeadline: await figuresAt(endOfDay(wave.adoptionDeadline, now)),
      });
    }
    return {
      version: version.version,
      asOf: now.toISOString(),
      ...coverage,
      reach,
      tailoredOutsideLeeway: await this.tailoredOutside(version, replaced),
      varianceGroundChanges: await this.ground.changedGroundIf(manager, { ...version, publishedAt: now, rollout }),
    };
  }

  // As the published event will carry it; a wave opens on its date, or now when that date has come.
  private factsOf(standard: StandardEntity, version: StandardVersionEntity, rollout: RolloutWaveV1[], now: Date): VersionFacts {
    const opening = (opensOn: string) => new Date(Math.max(now.getTime(), Date.parse(`${opensOn}T00:00:00Z`)));
    return {
      standardId: standard.id,
      key: standard.key,
      versionId: version.id,
      version: version.version,
      applicability: version.applicability,
      rollout,
      effectiveDate: version.effectiveDate,
      adoptionDeadline: version.adoptionDeadline,
      requirements: version.requirements,
      publishedAt: now,
      endedAt: null,
      wavesOpenedAt: new Map(rollout.map((w) => [w.name, opening(w.opensOn)])),
    };
  }

  // The latest tailoring per project on a replaced version, checked choice by choice against the new leeway.
  private async tailoredOutside(version: StandardVersionEntity, replaced: Set<string>): Promise<PublicationPreview['tailoredOutsideLeeway']> {
    if (replaced.size === 0) return [];
    const decisions = await this.dataSource.manager.find(PortfolioAdoptionDecisionEntity, { order: { decidedAt: 'ASC' } });
    const latest = new Map(decisions.filter((d) => replaced.has(d.versionId)).map((d) => [`${d.projectId}/${d.versionId}`, d]));
    const outside: PublicationPreview['tailoredOutsideLeeway'] = [];
    for (const d of latest.values()) {
      if (d.decision !== 'tailor') continue;
      for (const [requirementId, value] of Object.entries(d.choices ?? {})) {
        const requirement = version.requirements.find((r) => r.id === requirementId);
        const check = requirement
          ? checkChoiceWithinLeeway(requirement, value)
          : { ok: false as const, message: `${requirementId} is no longer a requirement` };
        if (!check.ok) outside.push({ programId: d.programId, projectId: d.projectId, requirementId, value, message: check.message });
      }
    }
    return outside;
  }
}

// Figures are taken at the end of a day (or now, for a day already over), when every wave due that day is open.
function endOfDay(day: string, now: Date): Date {
  return new Date(Math.max(now.getTime(), Date.parse(`${day}T23:59:59.999Z`)));
}

function figuresOf(rows: readonly ComplianceRowFacts[]): PreviewFigures['portfolio'] {
  const { total, compliant, percentCompliant } = rollUp(rows);
  return { total, compliant, percentCompliant };
}
