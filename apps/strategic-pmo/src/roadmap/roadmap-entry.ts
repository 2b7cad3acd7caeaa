import type { RoadmapKind } from '@pmo/contracts';

/** One dated entry of the roadmap, as a source gives it. */
export interface RoadmapEntry {
  /** Stable across exports, so a calendar that imports the roadmap again updates the entry instead of adding it twice. */
  uid: string;
  kind: RoadmapKind;
  /** The day, YYYY-MM-DD. */
  date: string;
  title: string;
  /** The programs it concerns (every program a wave names); empty for a portfolio-wide entry. */
  programIds: string[];
  projectId: string | null;
  /** The standard version it concerns (a rollout's entries). */
  versionId: string | null;
}

/** What a source is asked for: the days, the kinds wanted, and the programs visible (`null`: all of them). */
export interface RoadmapWindow {
  from: string;
  to: string;
  kinds: ReadonlySet<RoadmapKind>;
  programIds: ReadonlySet<string> | null;
}

/**
 * A source of roadmap entries: a project's plan, a standard's rollout, a steering committee's meetings...
 * Each reads its own tables and answers the window; the roadmap merges the answers. A new source is a class
 * implementing this and one line in `roadmap.module.ts`.
 */
export interface RoadmapSource {
  readonly kinds: readonly RoadmapKind[];
  entriesWithin(window: RoadmapWindow): Promise<RoadmapEntry[]>;
}

/** Nest token of the list of sources. */
export const ROADMAP_SOURCES = Symbol('ROADMAP_SOURCES');

/** Whether a day is inside the window (ISO days order as strings). */
export function withinWindow(window: RoadmapWindow, date: string | null): date is string {
  return date !== null && date >= window.from && date <= window.to;
}

/** The programs of an entry the caller may see; `null` when none, so the entry is dropped. */
export function visiblePrograms(window: RoadmapWindow, programIds: string[]): string[] | null {
  if (window.programIds === null) return programIds;
  const visible = programIds.filter((id) => window.programIds?.has(id));
  return visible.length === 0 ? null : visible;
}
