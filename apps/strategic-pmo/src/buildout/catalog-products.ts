import type { PmoElement, StandardKind } from '@pmo/contracts';
import type { EntityManager } from 'typeorm';

// The gap each kind of published standard helps close: the platform's own standards and tools are products
// of the PMO, read from the catalog where they live rather than copied into the build-out.
const ELEMENT_OF_KIND: Record<StandardKind, PmoElement> = {
  methodology: 'methodology',
  standard: 'governance',
  'report-format': 'reporting',
  tool: 'tools',
  'priority-policy': 'governance',
};

/** A standard of the catalog with a version in force, as a product of the PMO. */
export interface CatalogProduct {
  standardId: string;
  key: string;
  title: string;
  kind: StandardKind;
  version: string;
  publishedAt: Date;
  closesGaps: PmoElement[];
}

/** The catalog's standards that have a published version (the latest one each), by key. */
export async function catalogProducts(manager: EntityManager): Promise<CatalogProduct[]> {
  const rows = (await manager.query(
    `SELECT DISTINCT ON (s.id) s.id, s.key, s.title, s.kind, v.version, v.published_at
       FROM standards s JOIN standard_versions v ON v.standard_id = s.id AND v.state = 'published'
      ORDER BY s.id, v.published_at DESC`,
  )) as { id: string; key: string; title: string; kind: StandardKind; version: string; published_at: Date }[];
  return rows
    .map((row) => ({
      standardId: row.id,
      key: row.key,
      title: row.title,
      kind: row.kind,
      version: row.version,
      publishedAt: row.published_at,
      closesGaps: [ELEMENT_OF_KIND[row.kind]],
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
