import { Parser } from '@asyncapi/parser';
import { EVENT_CATALOG, type PmoEventType } from '@pmo/contracts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { keyFieldOf, producersOf } from './catalog-model';
import { scanEventCode } from './code-scan';
import { EVENT_DOC_FILES, eventDocs } from './event-docs';
import { describe as describeSchema } from './events-markdown';

const root = resolve(__dirname, '../..');
const docs = eventDocs(root);
const code = scanEventCode(root);
const types = Object.keys(EVENT_CATALOG) as PmoEventType[];

describe('the event catalog in docs/', () => {
  it.each(EVENT_DOC_FILES)('%s is what npm run docs:events writes from the code today', (file) => {
    // On failure: run `npm run docs:events` and commit the result.
    expect(readFileSync(join(root, file), 'utf8')).toBe(docs[file]);
  });

  it('is a valid AsyncAPI 3.0 document (no errors, no warnings from @asyncapi/parser)', async () => {
    const diagnostics = await new Parser().validate(docs['docs/asyncapi.yaml']);
    // Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
    const problems = diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('carries every contract schema as a message payload', () => {
    const document = parse(docs['docs/asyncapi.yaml']) as { components: { messages: Record<string, { payload: unknown }> } };
    for (const type of types) {
      // The schema as JSON (TypeBox marks its objects with symbols), less the dialect and ajv's discriminator object.
      const { $schema: _dialect, ...schema } = JSON.parse(
        JSON.stringify(EVENT_CATALOG[type].schema, (key, value: unknown) => (key === 'discriminator' && typeof value === 'object' ? undefined : value)),
      ) as Record<string, unknown>;
      expect(document.components.messages[type].payload).toEqual(schema);
    }
  });
});

describe('producers and consumers found in the code', () => {
  it('every handler and every outbox write names a type of EVENT_CATALOG', () => {
    const unknown = [...code.handlers, ...code.outboxWrites].filter((site) => !(site.type in EVENT_CATALOG)).map((site) => `${site.type} in ${site.file}`);
    expect(unknown).toEqual([]);
  });

  it('every type has exactly one producing service, its owner', () => {
    const owners = types.map((type) => [type, producersOf(type, code)] as const).filter(([, producers]) => producers.length !== 1);
    expect(owners).toEqual([]);
  });

  it('a declared owner is the only service whose code adds the type to its outbox', () => {
    for (const type of types) {
      const owner = (EVENT_CATALOG[type] as { owner?: unknown }).owner;
      if (typeof owner !== 'string') continue;
      const writers = new Set(code.outboxWrites.filter((site) => site.type === type).map((site) => site.service));
      expect([type, [...writers]]).toEqual([type, [owner]]);
    }
  });

  it('finds the handlers of a lib in the services that import its module', () => {
    // program-pmo also handles it itself (carrying decisions forward); here only the handlers that come from a lib.
    const published = code.handlers.filter((site) => site.type === 'pmo.standard.version-published.v1' && site.lib !== undefined);
    expect(published.map((site) => [site.service, site.lib])).toEqual([
      ['program-pmo', 'standards-view'],
      ['project-pmo', 'standards-view'],
    ]);
  });

  it('finds batch handlers', () => {
    const portfolio = code.handlers.find((site) => site.type === 'pmo.program.registered.v1' && site.service === 'strategic-pmo');
    expect(portfolio?.batch).toBe(true);
  });

  it.each([
    ['pmo.program.registered.v1', 'programId'],
    ['pmo.variance.proposed.v1', 'proposalId'],
    ['pmo.feedback.triaged.v1', 'feedbackId'],
  ] as const)('%s is keyed by %s', (type, key) => {
    expect(keyFieldOf(type)).toBe(key);
  });
});

describe('schema summaries', () => {
  it.each([
    [{ type: 'string', format: 'uuid' }, 'string (uuid)'],
    [{ type: 'array', items: { type: 'string' } }, 'array of string'],
    [{ enum: ['a', 'b'] }, 'one of "a", "b"'],
    [{ anyOf: [{ type: 'string' }, { type: 'null' }] }, 'string or null'],
    [{ type: 'object', required: ['a'], properties: { a: {}, b: {} } }, 'object {a, b?}'],
    [{ type: 'integer', minimum: 1, maximum: 5 }, 'integer 1..5'],
  ])('%j reads as %s', (schema, text) => {
    expect(describeSchema(schema)).toBe(text);
  });
});
