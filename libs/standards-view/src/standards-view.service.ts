import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProgramInScope } from '@pmo/contracts';
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
}
