import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from './error-filter';

/** How deep a JSON body may nest (objects and arrays); deeper bodies are refused before any validation. */
const JSON_DEPTH_LIMIT = 32;

/** Media types the services read, by parser; anything else with a body is 415. */
export const JSON_TYPES = ['application/json'];
export const TEXT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/markdown', 'text/plain'];
export const RAW_TYPES = ['application/zip', 'application/gzip', 'application/x-gzip', 'application/x-tar', 'application/octet-stream'];

// In body strings tab, LF and CR are text (descriptions, YAML); every other C0 control and DEL is refused.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BODY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// In a path, a query or a header value no control character has a meaning.
// eslint-disable-next-line no-control-regex -- as above
const STRICT_CONTROL = /[\u0000-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// X-Request-Id is not here: an unusable one is replaced (request-id.ts).
const READ_HEADERS = ['authorization', 'content-type', 'idempotency-key'];
const INVALID_UTF8 = Symbol('invalid UTF-8 body');

function refuse(response: Response, statusCode: number, code: string, message: string): void {
  const body: ErrorBody = { statusCode, code, message };
  response.status(statusCode).json(body);
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a string value, as the end of a sentence naming it; undefined when it is fine. */
function problemOf(value: string, control: RegExp = BODY_CONTROL): { code: string; rule: string } | undefined {
  const match = control.exec(value);
  if (match) return { code: 'REQUEST.CONTROL_CHARACTER', rule: `must not contain control characters (${codePoint(match[0])} at position ${match.index})` };
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate)
    return { code: 'REQUEST.INVALID_UNICODE', rule: `must be valid Unicode (lone surrogate ${codePoint(surrogate[0])} at position ${surrogate.index})` };
  return undefined;
}

function keyPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (parent === '') return name;
  return name.startsWith('"') ? `${parent}[${name}]` : `${parent}.${name}`;
}

/**
 * The first problem of a parsed JSON body, naming its JSON path: nesting past {@link JSON_DEPTH_LIMIT},
 * control characters or lone surrogates in a string or a key, a number that is not finite (`1e400`).
 */
export function bodyProblemOf(body: unknown): { code: string; message: string } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const name = path === '' ? 'request body' : path;
    if (typeof value === 'string') {
      const problem = problemOf(value);
      if (problem) return { code: problem.code, message: `${name} ${problem.rule}` };
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      return { code: 'REQUEST.VALIDATION', message: `${name} must be a finite number` };
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= JSON_DEPTH_LIMIT)
        return { code: 'REQUEST.TOO_DEEP', message: `request body nests deeper than ${JSON_DEPTH_LIMIT} levels (at ${name.slice(0, 200)})` };
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      for (const [key, child] of entries.reverse()) {
        if (typeof key === 'string') {
          const problem = problemOf(key, STRICT_CONTROL);
          if (problem) return { code: problem.code, message: `the name of a field in ${name} ${problem.rule}` };
        }
        stack.push({ value: child, path: keyPath(path, key), depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** Decodes `%XX` escapes to bytes, so that invalid UTF-8 is seen instead of being replaced with U+FFFD. */
function percentDecoded(raw: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return undefined;
  const bytes = Buffer.from(
    raw.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  // Characters sent unescaped above U+00FF are not possible in a request line Node accepted.
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}

function urlProblemOf(url: string): { code: string; message: string } | undefined {
  const [path, query = ''] = url.split(/\?(.*)/s, 2);
  const segments = path.split('/');
  for (const [index, segment] of segments.entries()) {
    const decoded = percentDecoded(segment);
    if (decoded === undefined) return { code: 'REQUEST.INVALID_UTF8', message: `path segment ${index} is not valid percent-encoded UTF-8` };
    const problem = problemOf(decoded, STRICT_CONTROL);
    if (problem) return { code: problem.code, message: `path segment ${index} ${problem.rule}` };
  }
  for (const pair of query.split('&').filter(Boolean)) {
    const [rawName, rawValue = ''] = pair.split(/=(.*)/s, 2);
    const name = percentDecoded(rawName.replace(/\+/g, ' '));
    if (name === undefined) return { code: 'REQUEST.INVALID_UTF8', message: 'the name of a query parameter is not valid percent-encoded UTF-8' };
    const nameProblem = problemOf(name, STRICT_CONTROL);
    if (nameProblem) return { code: nameProblem.code, message: `the name of a query parameter ${nameProblem.rule}` };
    const shown = /^[\w.-]{1,50}$/.test(name) ? name : 'a query parameter';
    const value = percentDecoded(rawValue.replace(/\+/g, ' '));
    if (value === undefined) return { code: 'REQUEST.INVALID_UTF8', message: `${shown} is not valid percent-encoded UTF-8` };
    const problem = problemOf(value, STRICT_CONTROL);
    if (problem) return { code: problem.code, message: `${shown} ${problem.rule}` };
  }
  return undefined;
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Refuses, before the body is read: a path or query that is not valid UTF-8 or holds control characters
 * (400, naming the parameter or the path segment), a header value with control characters (400), and a
 * body in a media type no parser reads or JSON in a charset other than UTF-8 (415).
 */
export function refuseHostileRequestLine(request: Request, response: Response, next: NextFunction): void {
  const urlProblem = urlProblemOf(request.originalUrl ?? request.url);
  if (urlProblem) return refuse(response, 400, urlProblem.code, urlProblem.message);
  // Node refuses control characters in any header (answerMalformedRequest); the headers the services read
  // must also be printable ASCII, which Node lets through as Latin-1.
  for (const name of READ_HEADERS) {
    const value = request.headers[name];
    const match = typeof value === 'string' ? /[^\u0020-\u007E]/.exec(value) : null;
    if (match)
      return refuse(response, 400, 'REQUEST.INVALID_HEADER', `header ${name} must be printable ASCII (${codePoint(match[0])} at position ${match.index})`);
  }
  if (!hasBody(request)) return next();
  const contentType = request.headers['content-type'];
  if (!contentType) return refuse(response, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'a request body needs a Content-Type (application/json)');
  const [mediaType, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (![...JSON_TYPES, ...TEXT_TYPES, ...RAW_TYPES].includes(mediaType)) {
    return refuse(response, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', `Content-Type ${mediaType.slice(0, 100)} is not accepted: send application/json`);
  }
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && !RAW_TYPES.includes(mediaType)) {
    return refuse(response, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', `charset ${charset.slice(0, 40)} is not accepted: send ${mediaType} in UTF-8`);
  }
  next();
}

/** The body parsers' `verify`: marks a body that is not valid UTF-8, which they would decode with U+FFFD. */
export function markInvalidUtf8(request: IncomingMessage, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) (request as IncomingMessage & { [INVALID_UTF8]?: boolean })[INVALID_UTF8] = true;
}

/**
 * Refuses, after the body is parsed: a body that was not valid UTF-8, a JSON body nested past
 * {@link JSON_DEPTH_LIMIT}, and control characters or lone surrogates anywhere in it (400, naming the JSON path).
 */
export function refuseHostileBody(request: Request, response: Response, next: NextFunction): void {
  if ((request as Request & { [INVALID_UTF8]?: boolean })[INVALID_UTF8])
    return refuse(response, 400, 'REQUEST.INVALID_UTF8', 'request body is not valid UTF-8');
  const body: unknown = request.body;
  if (Buffer.isBuffer(body) || body === undefined) return next();
  const problem = bodyProblemOf(body);
  if (problem) return refuse(response, 400, problem.code, problem.message);
  next();
}

/**
 * The HTTP server's `clientError` handler: a request Node's parser refuses (an unknown method, a control
 * character in a header, a malformed request line) gets the standard error body instead of a bare 400.
 */
export function answerMalformedRequest(error: Error & { code?: string; reason?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [statusCode, status, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'REQUEST.HEADERS_TOO_LARGE']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'REQUEST.TIMEOUT']
        : [400, 'Bad Request', 'REQUEST.MALFORMED'];
  const body = JSON.stringify({ statusCode, code, message: `the request is not valid HTTP: ${error.reason ?? error.code ?? 'malformed'}` } satisfies ErrorBody);
  socket.end(
    `HTTP/1.1 ${statusCode} ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
