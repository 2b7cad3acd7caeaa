import type { ProjectComplianceHistory } from '@pmo/contracts';
import type { EntityManager } from 'typeorm';

/** Where a service keeps its programs and projects: the model joins them for labels, tags and text search. */
export interface LabelTables {
  programs: { table: string; id: string; code: string; name: string; tags: string };
  projects: { table: string; id: string; programId: string; code: string; name: string };
}

/** How a service plugs its own tables and facts into the compliance read model. */
export interface ComplianceModelConfig extends LabelTables {
  /** Prefix of the model's tables: `<prefix>_compliance_intervals`, `_reviews`, `_marks`. */
  prefix: string;
  /**
   * Every fact the compliance function needs for these projects, read through `manager` (its transaction). With
   * `standardIds`, only what those standards' rows read: their versions, and the decisions and variances on those
   * versions (the project's own facts and reports whole); null, every standard's.
   */
  histories(manager: EntityManager, projectIds: readonly string[], standardIds: readonly string[] | null): Promise<ProjectComplianceHistory[]>;
}

/** The model's table names for a prefix. */
export function tablesOf(prefix: string): {
  intervals: string;
  reviews: string;
  marks: string;
  mark: string;
  standardOf: string;
  counts: string;
  boundary: string;
} {
  return {
    counts: `${prefix}_compliance_open_counts`,
    boundary: `${prefix}_compliance_boundary`,
    standardOf: `${prefix}_compliance_standard_of`,
    intervals: `${prefix}_compliance_intervals`,
    reviews: `${prefix}_compliance_reviews`,
    marks: `${prefix}_compliance_marks`,
    mark: `${prefix}_compliance_mark`,
  };
}

/**
 * The SQL condition "the model is behind at the instant `$<at>`": marks are left (facts not applied yet) or a
 * review is due. The keeper's `isBehind` asks it alone; a read of "now" asks it with the answer's version.
 */
export function behindAt(tables: Pick<ReturnType<typeof tablesOf>, 'marks' | 'reviews'>, at: string): string {
  return `(EXISTS (SELECT 1 FROM ${tables.marks}) OR EXISTS (SELECT 1 FROM ${tables.reviews} WHERE review_at <= ${at}))`;
}
