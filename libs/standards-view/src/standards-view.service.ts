import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProgramInScope, VersionFacts } from '@pmo/contracts';
import { Repository } from 'typeorm';
import { programStandards, type ProgramStandardView } from './program-standards';
import { PublishedVersionEntity } from './published-version.entity';
import { WaveOpeningViewEntity } from './wave-opening-view.entity';

@Injectable()
export class StandardsViewService {
  constructor(
    @InjectRepository(PublishedVersionEntity) private readonly versions: Repository<PublishedVersionEntity>,
    @InjectRepository(WaveOpeningViewEntity) private readonly openings: Repository<WaveOpeningViewEntity>,
  ) {}

  /** Every published, superseded or retired version that applies to the program, with its wave. */
  async standardsOf(program: ProgramInScope): Promise<ProgramStandardView[]> {
    const [versions, openings] = await Promise.all([this.versions.find(), this.openings.find()]);
    const byVersion = new Map<string, Map<string, Date>>();
    for (const opening of openings) byVersion.set(opening.versionId, (byVersion.get(opening.versionId) ?? new Map<string, Date>()).set(opening.waveName, opening.openedAt));
    return programStandards(program, versions, byVersion);
  }

  /** Only what is in force for the program now. */
  async inForceFor(program: ProgramInScope): Promise<ProgramStandardView[]> {
    return (await this.standardsOf(program)).filter((view) => view.inForce);
  }

  /** Every version known from the events, as the compliance rules take them. */
  async versionFacts(): Promise<VersionFacts[]> {
    const [versions, openings] = await Promise.all([this.versions.find(), this.openings.find()]);
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

  /** A published report format version, to validate status reports against. */
  findReportFormat(versionId: string): Promise<PublishedVersionEntity | null> {
    return this.versions.findOneBy({ versionId, kind: 'report-format' });
  }
}
