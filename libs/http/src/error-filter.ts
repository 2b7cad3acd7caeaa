import { HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter, Catch } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnreachable, isTransientDatabaseError } from '@pmo/persistence';
import { DomainError } from './domain-error';
import type { RefusedRequest, SecurityRefusals } from './security-refusal';

/**
 * One particular of an error: `path` is the JSON pointer of the field it is about (empty when it is about the
 * whole request or a place that is no field, such as a line of an uploaded file); other facts may follow
 * (`file`, `line`, `column`, `requirementId`, `projectId`).
 */
export interface ErrorDetail {
  path: string;
  message: string;
  [fact: string]: unknown;
}

/** The body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  traceId?: string;
}

/** Every particular as `{ path, message }`, whatever shape its error gave it, so that clients read one form. */
function detailsOf(details: unknown): ErrorDetail[] | undefined {
  if (details === undefined || details === null) return undefined;
  return (Array.isArray(details) ? details : [details]).map((item: unknown): ErrorDetail => {
    if (typeof item !== 'object' || item === null) return { path: '', message: String(item) };
    const { path, message, ...facts } = item as Record<string, unknown>;
    return { path: typeof path === 'string' ? path : '', message: typeof message === 'string' ? message : JSON.stringify(item), ...facts };
  });
}

const STATUS_OF_KIND: Record<DomainError['kind'], number> = {
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  409: 'REQUEST.CONFLICT',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  422: 'REQUEST.UNPROCESSABLE',
};

/** Maps an error to its answer: validation 400, token 401, role 403, unknown 404, conflict 409, else 500. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return { statusCode: STATUS_OF_KIND[error.kind], code: error.code, message: error.message, details: detailsOf(error.details) };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const raw = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
    const messages = Array.isArray(raw) ? raw.map(String) : [String(raw ?? error.message)];
    return {
      statusCode: status,
      code: status === 400 && Array.isArray(raw) ? 'REQUEST.VALIDATION' : (CODE_OF_STATUS[status] ?? `HTTP.${status}`),
      message: messages.join('; '),
      details: Array.isArray(raw) ? detailsOf(messages) : undefined,
    };
  }
  // Errors thrown by Express's body parser before Nest sees the request.
  const bodyError = error as { type?: string; status?: number; message?: string };
  if (bodyError?.type === 'entity.parse.failed')
    return { statusCode: 400, code: 'REQUEST.MALFORMED_JSON', message: `request body is not valid JSON: ${bodyError.message}` };
  if (bodyError?.type === 'entity.too.large')
    return { statusCode: 413, code: 'REQUEST.TOO_LARGE', message: `request body is larger than the limit for its type (${bodyError.message})` };
  if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return { statusCode: bodyError.status, code: CODE_OF_STATUS[bodyError.status] ?? `HTTP.${bodyError.status}`, message: bodyError.message ?? 'bad request' };
  }
  // One code for every retryable 503 (clients retry on it); the message names a database that is down.
  if (isDatabaseUnreachable(error))
    return { statusCode: 503, code: 'SERVICE.BUSY', message: `the database is unavailable; nothing was done, retry in ${BUSY_RETRY_AFTER_SECONDS} s` };
  if (isTransientDatabaseError(error)) return { statusCode: 503, code: 'SERVICE.BUSY', message: `the service is busy; retry in ${BUSY_RETRY_AFTER_SECONDS} s` };
  if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
    return { statusCode: 409, code: 'REQUEST.DUPLICATE', message: 'a resource with the same identity already exists' };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'internal error' };
}

// The database is loaded or briefly unreachable, not broken: nothing was committed and the same request may
// succeed a moment later (isTransientDatabaseError in libs/persistence).
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * The one exception filter of every service: a clear 4xx for bad input, a bare 500 with a trace id otherwise.
 * A refused governance attempt is audited (`security.refused`) before it is answered, so the entry is there
 * when the caller reads the answer.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  constructor(private readonly refusals?: SecurityRefusals) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const body: ErrorBody = { ...toErrorBody(error), traceId: trace.getActiveSpan()?.spanContext().traceId };
    if (body.statusCode >= 500) this.logger.error({ err: error, traceId: body.traceId }, 'request failed');
    const response = host.switchToHttp().getResponse<{
      locals?: { requestId?: unknown };
      setHeader(name: string, value: string): void;
      status(code: number): { json(body: unknown): void };
    }>();
    if (body.code === 'SERVICE.BUSY') response.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    const answer = () => response.status(body.statusCode).json(body);
    const requestId = typeof response.locals?.requestId === 'string' ? response.locals.requestId : undefined;
    const recording = this.refusals?.record(error, host.switchToHttp().getRequest<RefusedRequest>(), requestId);
    if (recording) void recording.then(answer, answer);
    else answer();
  }
}
