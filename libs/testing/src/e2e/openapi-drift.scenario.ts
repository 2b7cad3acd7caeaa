import { API_SERVICES, canonicalDocument, committedDocument, type ApiService } from '@pmo/api-contracts';
import type { ServiceUrls } from './walking-skeleton.scenario';

const URL_KEY: Record<ApiService, keyof ServiceUrls> = { 'strategic-pmo': 'strategic', 'program-pmo': 'program', 'project-pmo': 'project' };
const SHOWN = 40;

/**
 * Where two JSON values differ, one line per place (`+` only served, `-` only committed, `~` changed),
 * e.g. `~ paths./standards.get.responses.200.description: "a" → "b"`.
 */
function jsonDifferences(committed: unknown, served: unknown, at = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(committed) && isObject(served)) {
    const keys = [...new Set([...Object.keys(committed), ...Object.keys(served)])].sort();
    return keys.flatMap((key) => {
      const place = at ? `${at}.${key}` : key;
      if (!(key in served)) return [`- ${place}`];
      if (!(key in committed)) return [`+ ${place}`];
      return jsonDifferences(committed[key], served[key], place);
    });
  }
  if (Array.isArray(committed) && Array.isArray(served) && committed.length === served.length) {
    return committed.flatMap((item, i) => jsonDifferences(item, served[i], `${at}[${i}]`));
  }
  return JSON.stringify(committed) === JSON.stringify(served) ? [] : [`~ ${at}: ${JSON.stringify(committed)} → ${JSON.stringify(served)}`];
}

/** Each running service serves the OpenAPI document committed under libs/api-contracts/openapi. */
export function describeOpenApiDrift(urls: () => ServiceUrls): void {
  it.each(API_SERVICES)('%s serves the committed OpenAPI document (else: npm run openapi:export, and commit)', async (service) => {
    const answer = await fetch(`${urls()[URL_KEY[service]]}/api/docs-json`);
    expect(answer.status).toBe(200);
    // Through the canonical text, so that the comparison sees what the file would hold.
    const served: unknown = JSON.parse(canonicalDocument(await answer.json()));
    const differences = jsonDifferences(committedDocument(service), served);
    const shown = differences.slice(0, SHOWN).join('\n') + (differences.length > SHOWN ? `\n… and ${differences.length - SHOWN} more` : '');
    expect(differences.length === 0 ? '' : `${service} differs from libs/api-contracts/openapi/${service}.json:\n${shown}`).toBe('');
  });
}
