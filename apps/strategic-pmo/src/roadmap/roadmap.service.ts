import { Inject, Injectable } from '@nestjs/common';
import { roadmapKindsOf, type RoadmapFilterQuery, type RoadmapQuery } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { DataSource, In } from 'typeorm';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { ROADMAP_SOURCES, type RoadmapEntry, type RoadmapSource, type RoadmapWindow } from './roadmap-entry';
import { RoadmapWindowError } from './roadmap.errors';
import { roadmapDays } from './roadmap-window';

/** A roadmap entry with the codes and names of what it concerns, as the API and the exports show it. */
export interface LabelledRoadmapEntry extends Omit<RoadmapEntry, 'programIds' | 'projectId'> {
  programs: { programId: string; code: string; name: string }[];
  project: { projectId: string; code: string; name: string } | null;
}

export interface RoadmapPage {
  from: string;
  to: string;
  total: number;
  limit: number;
  offset: number;
  entries: LabelledRoadmapEntry[];
}

/** The portfolio's roadmap: the entries of every source within a window, filtered, in date order. */
@Injectable()
export class RoadmapService {
  constructor(
    @Inject(ROADMAP_SOURCES) private readonly sources: readonly RoadmapSource[],
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One page of the roadmap; `reachable` are the caller's programs (`null`: all). */
  async page(query: RoadmapQuery, reachable: ReadonlySet<string> | null): Promise<RoadmapPage> {
    const window = this.windowOf(query, reachable);
    const entries = await this.entriesWithin(window);
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    return { from: window.from, to: window.to, total: entries.length, limit, offset, entries: await this.labelled(entries.slice(offset, offset + limit)) };
  }

  /** Every entry of the filtered window (for the exports). */
  async all(query: RoadmapFilterQuery, reachable: ReadonlySet<string> | null): Promise<LabelledRoadmapEntry[]> {
    return this.labelled(await this.entriesWithin(this.windowOf(query, reachable)));
  }

  private windowOf(query: RoadmapFilterQuery, reachable: ReadonlySet<string> | null): RoadmapWindow {
    const days = roadmapDays(this.clock.today(), query.from, query.to);
    if ('problem' in days) throw new RoadmapWindowError(days.problem);
    let programIds: ReadonlySet<string> | null = reachable;
    if (query.program !== undefined) programIds = reachable === null || reachable.has(query.program) ? new Set([query.program]) : new Set();
    return { ...days, kinds: new Set(roadmapKindsOf(query.kind)), programIds };
  }

  private async entriesWithin(window: RoadmapWindow): Promise<RoadmapEntry[]> {
    const wanted = this.sources.filter((source) => source.kinds.some((kind) => window.kinds.has(kind)));
    const entries = (await Promise.all(wanted.map((source) => source.entriesWithin(window)))).flat();
    // Day, then kind and title, then uid: the same order on every page and in every export.
    return entries.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid));
  }

  private async labelled(entries: RoadmapEntry[]): Promise<LabelledRoadmapEntry[]> {
    const programIds = [...new Set(entries.flatMap((e) => e.programIds))];
    const projectIds = [...new Set(entries.flatMap((e) => (e.projectId ? [e.projectId] : [])))];
    const [programs, projects] = await Promise.all([
      programIds.length ? this.dataSource.manager.findBy(PortfolioProgramEntity, { programId: In(programIds) }) : [],
      projectIds.length ? this.dataSource.manager.findBy(PortfolioProjectEntity, { projectId: In(projectIds) }) : [],
    ]);
    const programOf = new Map(programs.map((p) => [p.programId, { programId: p.programId, code: p.code, name: p.name }]));
    const projectOf = new Map(projects.map((p) => [p.projectId, { projectId: p.projectId, code: p.code, name: p.name }]));
    return entries.map(({ programIds: ids, projectId, ...entry }) => ({
      ...entry,
      // A project may be planned before its program reached the portfolio: its id stands in for code and name.
      programs: ids.map((id) => programOf.get(id) ?? { programId: id, code: id, name: id }),
      project: projectId ? (projectOf.get(projectId) ?? { projectId, code: projectId, name: projectId }) : null,
    }));
  }
}
