import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProgramInScope, VersionFacts } from '@pmo/contracts';
import { In, Repository, type EntityManager } from 'typeorm';
import { programStandards, type ProgramStandardView } from './program-standards';
import { PublishedVersionEntity } from './published-version.entity';
import { WaveOpeningViewEntity } from './wave-opening-view.entity';

@Injectable()
export class StandardsViewService {
  constructor(
    @InjectRepository(PublishedVersionEntity) private readonly versions: Repository<PublishedVersionEntity>,
    @InjectRepository(WaveOpeningViewEntity) private readonly openings: Repository<WaveOpeningViewEntity>,
  ) {}

  /**
   * Every published, superseded or retired version that applies to the program, with its wave. Inside a
   * transaction, pass its manager: the reads then use the transaction's connection instead of asking the
   * pool for a second one, which under load waits for connections held by transactions doing the same.
   */
  async standardsOf(program: ProgramInScope, manager?: EntityManager): Promise<ProgramStandardView[]> {
    const { versions, openings } = await this.read(manager);
    return programStandards(program, versions, openingsByVersion(openings));
  }

  /** Only what is in force for the program now; `manager` as for `standardsOf`. */
  async inForceFor(program: ProgramInScope, manager?: EntityManager): Promise<ProgramStandardView[]> {
    return (await this.standardsOf(program, manager)).filter((view) => view.inForce);
  }

  /**
   * The version if it is in force for the program now, else null; `manager` as for `standardsOf`. Reads only
   * that version's standard (whether a variant governs is decided within one standard, `governingVersions`):
   * a bulk adoption read every published version of every standard, 50 with their requirements, to check one.
   */
  async versionInForce(program: ProgramInScope, versionId: string, manager?: EntityManager): Promise<ProgramStandardView | null> {
    const m = manager ?? this.versions.manager;
    const versions = await m
      .createQueryBuilder(PublishedVersionEntity, 'v')
      .where('v.standard_id = (SELECT standard_id FROM standard_versions_view WHERE version_id = :versionId)', { versionId })
      .getMany();
    const openings = versions.length === 0 ? [] : await m.findBy(WaveOpeningViewEntity, { versionId: In(versions.map((v) => v.versionId)) });
    return programStandards(program, versions, openingsByVersion(openings)).find((view) => view.versionId === versionId && view.inForce) ?? null;
  }

  /** Every version known from the events, as the compliance rules take them; `manager` as for `standardsOf`. */
  versionFacts(manager?: EntityManager): Promise<VersionFacts[]> {
    return versionFactsOf(manager ?? this.versions.manager);
  }

  /** A published report format version, to validate status reports against. */
  findReportFormat(versionId: string): Promise<PublishedVersionEntity | null> {
    return this.versions.findOneBy({ versionId, kind: 'report-format' });
  }

  private async read(manager?: EntityManager): Promise<{ versions: PublishedVersionEntity[]; openings: WaveOpeningViewEntity[] }> {
    if (!manager) {
      const [versions, openings] = await Promise.all([this.versions.find(), this.openings.find()]);
      return { versions, openings };
    }
    // One after the other: a transaction's manager has one connection, which runs one query at a time.
    const versions = await manager.find(PublishedVersionEntity);
    return { versions, openings: await manager.find(WaveOpeningViewEntity) };
  }
}

/** Every version known from the events (of these standards only, when given), as the compliance rules take them, read through `manager`. */
export async function versionFactsOf(manager: EntityManager, standardIds: readonly string[] | null = null): Promise<VersionFacts[]> {
  // One after the other: a transaction's manager has one connection, which runs one query at a time.
  const versions = await manager.find(PublishedVersionEntity, standardIds ? { where: { standardId: In([...standardIds]) } } : {});
  const openings = await manager.find(WaveOpeningViewEntity, standardIds ? { where: { versionId: In(versions.map((v) => v.versionId)) } } : {});
  return versions.map((v) => ({
    standardId: v.standardId,
    key: v.key,
    versionId: v.versionId,
    version: v.version,
    applicability: v.applicability,
    rollout: v.rollout,
    effectiveDate: v.effectiveDate,
    adoptionDeadline: v.adoptionDeadline,
    requirements: v.requirements,
    publishedAt: v.publishedAt,
    endedAt: v.endedAt,
    wavesOpenedAt: new Map(openings.filter((o) => o.versionId === v.versionId).map((o) => [o.waveName, o.openedAt])),
  }));
}

// Each version's waves with the instant each opened.
function openingsByVersion(openings: readonly WaveOpeningViewEntity[]): Map<string, Map<string, Date>> {
  const byVersion = new Map<string, Map<string, Date>>();
  for (const opening of openings)
    byVersion.set(opening.versionId, (byVersion.get(opening.versionId) ?? new Map<string, Date>()).set(opening.waveName, opening.openedAt));
  return byVersion;
}
