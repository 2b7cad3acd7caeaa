import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
}
type Document = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

const documents = ['strategic-pmo', 'program-pmo', 'project-pmo'].map((service) => ({
  service,
  document: JSON.parse(readFileSync(resolve(__dirname, '..', 'libs/api-contracts/openapi', `${service}.json`), 'utf8')) as Document,
}));

const idempotencyHeaders = documents.flatMap(({ service, document }) =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      (operation.parameters ?? [])
        .filter((p) => p.in === 'header' && p.name === 'idempotency-key')
        .map((p) => [`${service} ${method.toUpperCase()} ${path}`, p] as const),
    ),
  ),
);

// The services take a create without the header (a form submitted once needs none): the documents must say
// so, and say what a call without it gets, or a generated client would demand a key the service never needs.
describe('the Idempotency-Key header in the committed OpenAPI documents', () => {
  it('is taken by the creates that can be retried', () => {
    expect(idempotencyHeaders.map(([operation]) => operation).sort()).toEqual([
      'program-pmo POST /programs',
      'program-pmo POST /programs/{programId}/adoptions',
      'program-pmo POST /programs/{programId}/feedback',
      'program-pmo POST /programs/{programId}/variances',
      'program-pmo POST /programs/{programId}/variances/{varianceId}/revisions',
      'project-pmo POST /projects',
      'project-pmo POST /projects/{projectId}/variance-proposals',
    ]);
  });

  it.each(idempotencyHeaders)('is optional on %s and says what happens without it', (_operation, header) => {
    expect(header.required).toBe(false);
    expect(header.description).toContain('without a key every call creates a new one');
    expect(header.description).toContain('the same key with a different request is refused (422)');
  });
});
