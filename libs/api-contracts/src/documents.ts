import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const API_SERVICES = ['strategic-pmo', 'program-pmo', 'project-pmo'] as const;
export type ApiService = (typeof API_SERVICES)[number];

/** Where a service's committed OpenAPI document lives. */
export function committedDocumentPath(service: ApiService): string {
  return join(__dirname, '..', 'openapi', `${service}.json`);
}

/** The committed OpenAPI document of a service, parsed. */
export function committedDocument(service: ApiService): unknown {
  return JSON.parse(readFileSync(committedDocumentPath(service), 'utf8'));
}

/**
 * The document as committed: object keys sorted at every level (arrays keep their order), two-space
 * indent, final newline, so that a regeneration changes only what changed.
 */
export function canonicalDocument(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
