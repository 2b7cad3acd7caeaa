import { Injectable } from '@nestjs/common';
import { waveCoversProgram, type RoadmapKind, type RolloutWaveV1 } from '@pmo/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { visiblePrograms, withinWindow, type RoadmapEntry, type RoadmapSource, type RoadmapWindow } from './roadmap-entry';

interface VersionRow {
  version_id: string;
  version: string;
  rollout: RolloutWaveV1[];
  key: string;
  title: string;
}

/** The rollouts of published standard versions: each wave's opening and its adoption deadline. */
@Injectable()
export class RolloutSource implements RoadmapSource {
  readonly kinds: readonly RoadmapKind[] = ['wave-opening', 'adoption-deadline'];

  constructor(private readonly dataSource: DataSource) {}

  async entriesWithin(window: RoadmapWindow): Promise<RoadmapEntry[]> {
    const versions = (await this.dataSource.query(
      `SELECT v.id AS version_id, v.version, v.rollout, s.key, s.title
         FROM standard_versions v JOIN standards s ON s.id = v.standard_id
        WHERE v.state = 'published' AND v.rollout IS NOT NULL`,
    )) as VersionRow[];
    if (versions.length === 0) return [];
    const programs = await this.dataSource.manager.find(PortfolioProgramEntity, { select: { programId: true, tags: true } });
    return versions.flatMap((v) =>
      v.rollout.flatMap((wave) => {
        const programIds = visiblePrograms(
          window,
          programs.filter((p) => waveCoversProgram(wave, p)).map((p) => p.programId),
        );
        if (!programIds) return [];
        // A wave's name is free text: hashed into the uid, which must stay one plain token.
        const waveKey = `${v.version_id}.${createHash('sha256').update(wave.name).digest('hex').slice(0, 16)}`;
        const of = `${v.title} ${v.version}, wave "${wave.name}"`;
        const entries: RoadmapEntry[] = [];
        const entry = (kind: RoadmapKind, date: string, title: string) =>
          entries.push({ uid: `${kind}.${waveKey}`, kind, date, title, programIds, projectId: null, versionId: v.version_id });
        if (window.kinds.has('wave-opening') && withinWindow(window, wave.opensOn)) entry('wave-opening', wave.opensOn, `${of} opens`);
        if (window.kinds.has('adoption-deadline') && withinWindow(window, wave.adoptionDeadline))
          entry('adoption-deadline', wave.adoptionDeadline, `${of}: adoption deadline`);
        return entries;
      }),
    );
  }
}
