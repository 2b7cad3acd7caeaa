import { connect } from 'node:net';

// The classes of hostile input of README "Input rules", each as requests built from one OpenAPI operation.

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  service: string;
  baseUrl: string;
  method: string;
  path: string;
  operation: OperationObject;
  document: OpenApiDocument;
  token?: string;
  fresh: () => string;
}

interface RequestResult {
  label: string;
  status: number;
  failure?: string;
}

export interface HostileClass {
  name: string;
  appliesTo(op: Operation): boolean;
  run(op: Operation): Promise<RequestResult[]>;
}

interface Expectation {
  status: number | number[];
  code?: string;
  /** Text the message must contain: the field and the rule. */
  message?: string;
}

function resolve(schema: Schema | undefined, document: OpenApiDocument): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.split('/').pop() as string], document);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], document);
  return schema;
}

function exampleOf(schema: Schema | undefined, document: OpenApiDocument, depth = 0): unknown {
  const s = resolve(schema, document);
  if (!s || depth > 5) return undefined;
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.properties) return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, exampleOf(v, document, depth + 1)]));
  switch (s.type) {
    case 'string':
      return s.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : s.format === 'date' ? '2027-01-04' : 'text';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [exampleOf(s.items, document, depth + 1)];
    default:
      return {};
  }
}

function jsonBodySchema(op: Operation): Schema | undefined {
  return resolve(op.operation.requestBody?.content['application/json']?.schema, op.document);
}

/** An otherwise plausible body from the schema's examples, so that the hostile value is what gets refused. */
function validBody(op: Operation): Record<string, unknown> {
  const body = exampleOf(jsonBodySchema(op), op.document);
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function bodyFields(op: Operation, types: string[]): string[] {
  const schema = jsonBodySchema(op);
  return Object.entries(schema?.properties ?? {})
    .filter(([, property]) => types.includes(resolve(property, op.document)?.type ?? 'object'))
    .map(([name]) => name);
}

function maximumOf(op: Operation, name: string, where: 'body' | 'query'): number | undefined {
  const schema =
    where === 'body'
      ? resolve(jsonBodySchema(op)?.properties?.[name], op.document)
      : op.operation.parameters?.find((p) => p.in === 'query' && p.name === name)?.schema;
  return schema?.maximum;
}

function queryParams(op: Operation, types?: string[]): string[] {
  return (op.operation.parameters ?? []).filter((p) => p.in === 'query' && (!types || types.includes(p.schema?.type ?? 'string'))).map((p) => p.name);
}

function urlOf(op: Operation, pathValue?: (name: string) => string, query = ''): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (pathValue ? pathValue(name) : op.fresh()));
  return `${op.baseUrl}${path}${query}`;
}

const sendsBody = (op: Operation) => !['GET', 'HEAD'].includes(op.method);
const takesJson = (op: Operation) => sendsBody(op) && jsonBodySchema(op) !== undefined;

async function send(
  label: string,
  op: Operation,
  expected: Expectation,
  init: { method?: string; url?: string; body?: string | Buffer; headers?: Record<string, string> },
): Promise<RequestResult> {
  const headers: Record<string, string> = {
    ...(op.token ? { authorization: `Bearer ${op.token}` } : {}),
    ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...init.headers,
  };
  let status = 0;
  let text = '';
  try {
    const response = await fetch(init.url ?? urlOf(op), { method: init.method ?? op.method, headers, body: init.body });
    status = response.status;
    text = await response.text();
  } catch (error) {
    return { label, status, failure: `request failed: ${String(error)}` };
  }
  let body: { statusCode?: unknown; code?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { label, status, failure: `answered ${status} without a JSON error body: ${text.slice(0, 120)}` };
  }
  const statuses = Array.isArray(expected.status) ? expected.status : [expected.status];
  const problems: string[] = [];
  if (!statuses.includes(status)) problems.push(`status ${status}, expected ${statuses.join('/')}`);
  if (body.statusCode !== status || typeof body.code !== 'string' || typeof body.message !== 'string') problems.push('not the standard error body');
  if (expected.code && body.code !== expected.code) problems.push(`code ${String(body.code)}, expected ${expected.code}`);
  if (expected.message && !String(body.message).includes(expected.message)) problems.push(`message does not contain "${expected.message}"`);
  return { label, status, failure: problems.length > 0 ? `${problems.join('; ')} (${String(JSON.stringify(body.message)).slice(0, 200)})` : undefined };
}

/** A request fetch would not send (a control character in a header), over a plain socket. */
async function sendRaw(label: string, op: Operation, header: string): Promise<RequestResult> {
  const url = new URL(urlOf(op));
  const answer = await new Promise<string>((done, fail) => {
    const socket = connect(Number(url.port), url.hostname, () =>
      socket.write(`${op.method} ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n${header}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 'latin1'),
    );
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => done(text));
    socket.on('error', fail);
  });
  const status = Number(answer.split(' ')[1]);
  const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  let parsed: { statusCode?: unknown; code?: unknown } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { label, status, failure: `answered ${status} without a JSON error body: ${body.slice(0, 120)}` };
  }
  return {
    label,
    status,
    failure: status === 400 && parsed.statusCode === 400 && parsed.code === 'REQUEST.MALFORMED' ? undefined : `answered ${status} ${String(parsed.code)}`,
  };
}

/** The body's JSON with one field's value replaced by raw JSON text or bytes. */
function bodyWith(op: Operation, field: string, raw: string | Buffer): Buffer {
  const marker = `__hostile_${Math.random().toString(36).slice(2)}__`;
  const [before, after] = JSON.stringify({ ...validBody(op), [field]: marker }).split(`"${marker}"`);
  return Buffer.concat([Buffer.from(before), Buffer.isBuffer(raw) ? raw : Buffer.from(raw), Buffer.from(after)]);
}

function perField(fields: (op: Operation) => string[], raw: string | Buffer, expected: (field: string) => Expectation): HostileClass['run'] {
  return (op) => Promise.all(fields(op).map((field) => send(field, op, expected(field), { body: bodyWith(op, field, raw) })));
}

const DEEP = 5000;
// Past every integer column (bigint included); a documented maximum is probed at maximum + 1 as well.
const PAST_BIGINT = '100000000000000000000';

/** The classes, in the order of README "Input rules". */
export const HOSTILE_CLASSES: HostileClass[] = [
  {
    name: 'NUL in a body string',
    appliesTo: (op) => bodyFields(op, ['string']).length > 0,
    run: perField(
      (op) => bodyFields(op, ['string']),
      '"a\\u0000b"',
      (field) => ({ status: 400, code: 'REQUEST.CONTROL_CHARACTER', message: `${field} must not contain control characters` }),
    ),
  },
  {
    name: 'lone surrogate in a body string',
    appliesTo: (op) => bodyFields(op, ['string']).length > 0,
    run: perField(
      (op) => bodyFields(op, ['string']),
      '"a\\ud800"',
      (field) => ({ status: 400, code: 'REQUEST.INVALID_UNICODE', message: `${field} must be valid Unicode` }),
    ),
  },
  {
    name: 'invalid UTF-8 in a body',
    appliesTo: sendsBody,
    run: async (op) => [
      await send('bytes C3 28', op, { status: 400, code: 'REQUEST.INVALID_UTF8' }, { body: bodyWith(op, 'text', Buffer.from([0x22, 0xc3, 0x28, 0x22])) }),
    ],
  },
  {
    name: `JSON nested ${DEEP} levels`,
    appliesTo: sendsBody,
    run: async (op) => [
      await send(
        'deep',
        op,
        { status: 400, code: 'REQUEST.TOO_DEEP' },
        { body: bodyWith(op, bodyFields(op, ['string', 'object', 'array', 'integer', 'number', 'boolean'])[0] ?? 'deep', '['.repeat(DEEP) + ']'.repeat(DEEP)) },
      ),
    ],
  },
  {
    name: 'null for a field',
    appliesTo: (op) => takesJson(op) && bodyFields(op, ['string', 'object', 'array', 'integer', 'number', 'boolean']).length > 0,
    run: perField(
      (op) => bodyFields(op, ['string', 'object', 'array', 'integer', 'number', 'boolean']),
      'null',
      (field) => ({ status: 400, code: 'REQUEST.NULL_FIELD', message: `${field} must not be null` }),
    ),
  },
  {
    name: 'number past its column',
    appliesTo: (op) => bodyFields(op, ['integer', 'number']).length > 0 || queryParams(op, ['integer', 'number']).length > 0,
    run: async (op) => {
      const body = bodyFields(op, ['integer', 'number']);
      const query = queryParams(op, ['integer', 'number']);
      const undocumented = [...body.filter((f) => maximumOf(op, f, 'body') === undefined), ...query.filter((q) => maximumOf(op, q, 'query') === undefined)];
      const results: RequestResult[] = undocumented.map((name) => ({ label: name, status: 0, failure: `${name} documents no maximum` }));
      for (const raw of [PAST_BIGINT, '1e400'])
        results.push(
          ...(await perField(
            () => body,
            raw,
            (field) => ({ status: 400, message: field }),
          )(op)),
        );
      results.push(
        ...(await Promise.all(
          body
            .filter((f) => maximumOf(op, f, 'body') !== undefined)
            .map((f) => send(`${f}=max+1`, op, { status: 400, message: f }, { body: bodyWith(op, f, String((maximumOf(op, f, 'body') as number) + 1)) })),
        )),
      );
      for (const name of query) {
        const maximum = maximumOf(op, name, 'query');
        for (const value of [PAST_BIGINT, ...(maximum === undefined ? [] : [String(maximum + 1)])]) {
          results.push(await send(`?${name}=${value}`, op, { status: 400, message: name }, { url: urlOf(op, undefined, `?${name}=${value}`) }));
        }
      }
      return results;
    },
  },
  {
    name: 'body over the size limit',
    appliesTo: sendsBody,
    run: async (op) => [await send('1.1 MB', op, { status: 413, code: 'REQUEST.TOO_LARGE' }, { body: JSON.stringify({ text: 'x'.repeat(1_100_000) }) })],
  },
  {
    name: 'wrong media type',
    appliesTo: sendsBody,
    run: async (op) => [
      await send(
        'form',
        op,
        { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' },
        { body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ),
      await send('no content type', op, { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' }, { body: Buffer.from('{}'), headers: { 'content-type': '' } }),
      ...(takesJson(op)
        ? [
            await send(
              'text/plain',
              op,
              { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' },
              { body: JSON.stringify(validBody(op)), headers: { 'content-type': 'text/plain' } },
            ),
          ]
        : []),
    ],
  },
  {
    name: 'JSON in another charset',
    appliesTo: sendsBody,
    run: async (op) => [
      await send(
        'latin1',
        op,
        { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'charset' },
        { body: JSON.stringify(validBody(op)), headers: { 'content-type': 'application/json; charset=iso-8859-1' } },
      ),
      await send(
        'utf-16',
        op,
        { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'charset' },
        { body: Buffer.from(JSON.stringify(validBody(op)), 'utf16le'), headers: { 'content-type': 'application/json; charset=utf-16' } },
      ),
    ],
  },
  {
    name: 'NUL or invalid UTF-8 in a query value',
    appliesTo: () => true,
    run: async (op) => {
      const names = queryParams(op, ['string']).length > 0 ? queryParams(op, ['string']) : ['q'];
      return Promise.all(
        names.flatMap((name) => [
          send(
            `?${name}=%00`,
            op,
            { status: 400, code: 'REQUEST.CONTROL_CHARACTER', message: name },
            { method: op.method, url: urlOf(op, undefined, `?${name}=a%00b`), body: sendsBody(op) ? '{}' : undefined },
          ),
          send(
            `?${name}=%ED%A0%80`,
            op,
            { status: 400, code: 'REQUEST.INVALID_UTF8', message: name },
            { url: urlOf(op, undefined, `?${name}=%ED%A0%80`), body: sendsBody(op) ? '{}' : undefined },
          ),
        ]),
      );
    },
  },
  {
    name: 'NUL or invalid UTF-8 in a path id',
    appliesTo: (op) => op.path.includes('{'),
    run: async (op) =>
      Promise.all(
        [...op.path.matchAll(/\{(\w+)\}/g)].flatMap(([, param]) => [
          send(
            `${param}=%00`,
            op,
            { status: 400, code: 'REQUEST.CONTROL_CHARACTER', message: 'path segment' },
            { url: urlOf(op, (name) => (name === param ? 'a%00b' : op.fresh())), body: sendsBody(op) ? '{}' : undefined },
          ),
          send(
            `${param}=%ED%A0%80`,
            op,
            { status: 400, code: 'REQUEST.INVALID_UTF8', message: 'path segment' },
            { url: urlOf(op, (name) => (name === param ? '%ED%A0%80' : op.fresh())), body: sendsBody(op) ? '{}' : undefined },
          ),
          send(
            `${param}=%zz`,
            op,
            { status: 400, code: 'REQUEST.INVALID_UTF8', message: 'path segment' },
            { url: urlOf(op, (name) => (name === param ? '%zz' : op.fresh())), body: sendsBody(op) ? '{}' : undefined },
          ),
        ]),
      ),
  },
  {
    name: 'control character or non-ASCII in a header',
    appliesTo: () => true,
    run: async (op) => [
      await send(
        'Idempotency-Key é',
        op,
        { status: 400, code: 'REQUEST.INVALID_HEADER', message: 'idempotency-key' },
        { body: sendsBody(op) ? JSON.stringify(validBody(op)) : undefined, headers: { 'idempotency-key': 'caf\u00e9' } },
      ),
      await sendRaw('Idempotency-Key U+0001', op, `Idempotency-Key: a\u0001b`),
    ],
  },
  {
    name: 'unknown HTTP method',
    appliesTo: () => true,
    run: async (op) => [
      await send('PROPFIND', op, { status: 405, code: 'REQUEST.METHOD_NOT_ALLOWED' }, { method: 'PROPFIND' }),
      ...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !op.document.paths[op.path][m.toLowerCase()]).slice(0, 1).length > 0
        ? [
            await send(
              'undocumented method',
              op,
              { status: 405, code: 'REQUEST.METHOD_NOT_ALLOWED' },
              { method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find((m) => !op.document.paths[op.path][m.toLowerCase()]) },
            ),
          ]
        : []),
      await send('FOO', op, { status: 400, code: 'REQUEST.MALFORMED' }, { method: 'FOO' }),
    ],
  },
];
