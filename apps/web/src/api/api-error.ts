/** An API's error answer, as the one error body of the contracts describes it. */
export interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  /** One item per failing field or problem, `{ path, message }` (a JSON pointer into what was sent; empty for the whole). */
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

  /**
   * The particulars of the answer, each at its JSON pointer (`/requirements/0/id`; empty when about the whole
   * request): every service's error filter gives each item a `path` and a `message`, for 400s and 422s alike.
   */
  get fieldErrors(): FieldError[] {
    const details: unknown[] = Array.isArray(this.body.details) ? this.body.details : [];
    return details.flatMap((detail): FieldError[] => {
      const item = detail as { path?: unknown; message?: unknown } | null;
      if (!item || typeof item.message !== 'string') return [];
      const path = typeof item.path === 'string' ? item.path : '';
      return [{ path: path === '' || path.startsWith('/') ? path : `/${path}`, message: item.message }];
    });
  }
}

/** One problem of a refused request, at the JSON pointer of its field. */
export interface FieldError {
  path: string;
  message: string;
}

/** The field errors of whatever a mutation failed with (none when it is not an API's refusal). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.fieldErrors : [];
}

/** The messages for one field of a form, by its JSON pointer or any pointer under it, as one helper text. */
export function messagesAt(errors: readonly FieldError[], pointer: string): string | undefined {
  const found = errors.filter((e) => e.path === pointer || e.path.startsWith(`${pointer}/`)).map((e) => e.message);
  return found.length ? found.join('; ') : undefined;
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
