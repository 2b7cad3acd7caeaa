/** An API's error answer, as the one error body of the contracts describes it. */
export interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  /** For a refused body: one item per field, `{ path, message }` (a JSON pointer into what was sent). */
  details?: unknown;
  traceId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(messageOf(status, body));
  }

  /** Field errors keyed by their JSON path (e.g. `/payload/budget`), as 422 answers name them. */
  get fieldErrors(): { path: string; message: string }[] {
    const details = Array.isArray(this.body.details) ? (this.body.details as { path?: unknown; message?: unknown }[]) : [];
    return details.filter((e): e is { path: string; message: string } => typeof e.path === 'string' && typeof e.message === 'string');
  }
}

function messageOf(status: number, body: ErrorBody): string {
  return body.message || body.code || `HTTP ${status}`;
}

/** What a status means to the person looking at the screen. */
export function meaningOf(status: number): string {
  if (status === 401) return 'Your session has ended: sign in again.';
  if (status === 403) return 'You are not allowed to do this, or this is outside your scope.';
  if (status === 404) return 'Not found: it does not exist, or it is not visible to you.';
  if (status === 409) return 'This conflicts with the current state: reload and try again.';
  if (status === 422) return 'The platform refused this: see why below.';
  if (status === 429 || status === 503) return 'The platform is busy: try again in a moment.';
  if (status >= 500) return 'The platform failed to answer.';
  return 'The request was refused.';
}

/**
 * The data of an openapi-fetch answer, or an ApiError thrown with the answer's status and error body, so
 * that TanStack Query's error states receive one kind of error.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw new ApiError(response.status, (error ?? {}) as ErrorBody);
  return data as T;
}
